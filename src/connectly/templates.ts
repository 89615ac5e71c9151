/**
 * Reads Connectly's get-templates answer into the catalog's entries, one per template name and
 * language, with the parameters a send must give derived from the components. Two component
 * formats are read: Connectly's `templateComponents` (one-key objects) and the older GitBook
 * `externalTemplate.whatsapp.components`. Lenient by design: what cannot be read is skipped, never
 * thrown, since one odd template must not cost a business its whole catalog.
 */
import type {
  CatalogTemplate,
  TemplateButton,
  TemplateButtonType,
  TemplateComponent,
  TemplateHeaderFormat,
  TemplateParameterKind,
  TemplateParameterSpec,
  TemplateStatus,
} from "../domain/templates.js";

type Json = Record<string, unknown>;

/** A component as read, with the example values its parameters would take (by variable or button). */
interface ReadComponent {
  readonly component: TemplateComponent;
  /** A header's one example, a body's examples by variable, a BUTTONS component's by button. */
  readonly examples: readonly (string | null)[];
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const objectAt = (v: Json, key: string): Json | null => (isObject(v[key]) ? v[key] : null);
const arrayAt = (v: Json | null, key: string): readonly unknown[] => (v != null && Array.isArray(v[key]) ? v[key] : []);

// PostgreSQL's jsonb refuses U+0000 and unpaired surrogates: a catalog holding one could never be stored.
const clean = (s: string): string => s.replaceAll("\u0000", "").toWellFormed();

/** A string (or a finite number, as ids sometimes are) as clean text; null for anything else or nothing. */
const textOf = (v: unknown): string | null => {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return null;
  const s = clean(v);
  return s.length > 0 ? s : null;
};

/** The first string of an example list; WhatsApp's own format nests the list once more ([["Ana", "A1"]]). */
const examplesOf = (v: unknown): (string | null)[] => {
  if (!Array.isArray(v)) return [];
  const list: unknown[] = Array.isArray(v[0]) ? (v[0] as unknown[]) : v;
  return list.map(textOf);
};

/** An enum word without the prefixes Connectly's protobuf names carry (TYPE_IMAGE, FORMAT_TEXT, BUTTON_TYPE_URL). */
const enumWord = (v: unknown): string | null => {
  const s = typeof v === "string" ? v.trim().toUpperCase() : "";
  const word = s.replace(/^(COMPONENT_TYPE_|BUTTON_TYPE_|HEADER_FORMAT_|FORMAT_|TYPE_)/, "");
  return word.length > 0 ? word : null;
};

const MEDIA_FORMATS: ReadonlySet<string> = new Set(["IMAGE", "VIDEO", "DOCUMENT"]);

const mediaFormat = (v: unknown): TemplateHeaderFormat | null => {
  const word = enumWord(v);
  return word != null && MEDIA_FORMATS.has(word) ? (word as TemplateHeaderFormat) : null;
};

const component = (type: TemplateComponent["type"], fields: Partial<Omit<TemplateComponent, "type">>): TemplateComponent => ({
  type,
  format: fields.format ?? null,
  text: fields.text ?? null,
  buttons: fields.buttons ?? null,
});

/** A button of either format: its kind, label, URL and number; a kind not modelled is OTHER. */
function button(type: TemplateButtonType, fields: Json | null): TemplateButton {
  return {
    type,
    text: textOf(fields?.text) ?? "",
    url: type === "URL" ? textOf(fields?.url) : null,
    phoneNumber: type === "PHONE_NUMBER" ? textOf(fields?.phoneNumber ?? fields?.phone_number) : null,
  };
}

// ---- Connectly's format: one-key objects ----------------------------------------------------------

const CONNECTLY_BUTTONS: Readonly<Record<string, TemplateButtonType>> = {
  quickReply: "QUICK_REPLY",
  quick_reply: "QUICK_REPLY",
  url: "URL",
  phoneNumber: "PHONE_NUMBER",
  phone_number: "PHONE_NUMBER",
};

function connectlyButton(entry: Json): { button: TemplateButton; example: string | null } {
  const key = Object.keys(entry).find((k) => Object.hasOwn(CONNECTLY_BUTTONS, k));
  if (key == null) {
    // A kind the gateway does not model still counts in button_<i>_url's numbering.
    const inner = Object.values(entry).find(isObject) ?? null;
    return { button: button("OTHER", inner), example: null };
  }
  const fields = objectAt(entry, key);
  return { button: button(CONNECTLY_BUTTONS[key]!, fields), example: examplesOf(fields?.example)[0] ?? null };
}

/** A `text` field: `{text, example}`, or (leniently) the text itself. */
const textField = (v: Json): { text: string | null; examples: (string | null)[] } | null => {
  const field = objectAt(v, "text");
  if (field != null) return { text: textOf(field.text), examples: examplesOf(field.example) };
  const text = textOf(v.text);
  return text != null ? { text, examples: [] } : null;
};

function connectlyHeader(header: Json): ReadComponent {
  const media = objectAt(header, "media");
  if (media != null) return { component: component("HEADER", { format: mediaFormat(media.type) }), examples: [examplesOf(media.example)[0] ?? null] };
  const text = textField(header);
  if (text != null) return { component: component("HEADER", { format: "TEXT", text: text.text }), examples: text.examples.slice(0, 1) };
  return { component: component("HEADER", {}), examples: [] };
}

/** One entry of templateComponents: the components its known keys hold, in the order of the keys. */
function connectlyComponents(entry: unknown): ReadComponent[] {
  if (!isObject(entry)) return [];
  const read: ReadComponent[] = [];
  for (const key of Object.keys(entry)) {
    const value = objectAt(entry, key);
    if (value == null) continue;
    if (key === "header") read.push(connectlyHeader(value));
    if (key === "body" || key === "footer") {
      const text = textField(value);
      read.push({
        component: component(key === "body" ? "BODY" : "FOOTER", { text: text?.text ?? null }),
        examples: key === "body" ? (text?.examples ?? []) : [],
      });
    }
    if (key === "buttons") {
      const buttons = arrayAt(value, "buttons").filter(isObject).map(connectlyButton);
      read.push({ component: component("BUTTONS", { buttons: buttons.map((b) => b.button) }), examples: buttons.map((b) => b.example) });
    }
  }
  return read;
}

// ---- the older GitBook format: WhatsApp's own components --------------------------------------------

const WHATSAPP_BUTTONS: Readonly<Record<string, TemplateButtonType>> = { QUICK_REPLY: "QUICK_REPLY", URL: "URL", PHONE_NUMBER: "PHONE_NUMBER" };

function whatsappHeader(c: Json): ReadComponent {
  const example = objectAt(c, "example");
  const media = mediaFormat(c.format);
  if (media != null) return { component: component("HEADER", { format: media }), examples: [examplesOf(example?.headerHandle)[0] ?? null] };
  const text = textOf(c.text);
  // FORMAT_UNSPECIFIED with a text is a text header; a format the gateway does not model has none.
  const format = enumWord(c.format);
  const isText = format === "TEXT" || ((format == null || format === "UNSPECIFIED") && text != null);
  return { component: component("HEADER", isText ? { format: "TEXT", text } : {}), examples: examplesOf(example?.headerText).slice(0, 1) };
}

function whatsappComponent(entry: unknown): ReadComponent[] {
  if (!isObject(entry)) return [];
  const type = enumWord(entry.type);
  if (type === "HEADER") return [whatsappHeader(entry)];
  if (type === "BODY") return [{ component: component("BODY", { text: textOf(entry.text) }), examples: examplesOf(objectAt(entry, "example")?.bodyText) }];
  if (type === "FOOTER") return [{ component: component("FOOTER", { text: textOf(entry.text) }), examples: [] }];
  if (type !== "BUTTONS") return [];
  const buttons = arrayAt(entry, "buttons")
    .filter(isObject)
    .map((b) => ({ button: button(WHATSAPP_BUTTONS[enumWord(b.type) ?? ""] ?? "OTHER", b), example: examplesOf(b.example)[0] ?? null }));
  return [{ component: component("BUTTONS", { buttons: buttons.map((b) => b.button) }), examples: buttons.map((b) => b.example) }];
}

// ---- parameters ---------------------------------------------------------------------------------------

const VARIABLE = /\{\{\s*(\d+)\s*\}\}/g;
/** body_1..body_100 are the names a send can give; a {{n}} past them (or a huge one) derives no more. */
const MAX_BODY_VARIABLES = 100;

/** The highest {{n}} in a text (0 when none), capped at the most variables a send can name. */
const highestVariable = (text: string | null): number => {
  let highest = 0;
  for (const m of (text ?? "").matchAll(VARIABLE)) highest = Math.max(highest, Math.min(Number(m[1]), MAX_BODY_VARIABLES));
  return highest;
};

const HEADER_PARAMETERS: Readonly<Record<TemplateHeaderFormat, [string, TemplateParameterKind]>> = {
  TEXT: ["header_text", "HEADER_TEXT"],
  IMAGE: ["header_image", "HEADER_IMAGE"],
  VIDEO: ["header_video", "HEADER_VIDEO"],
  DOCUMENT: ["header_document", "HEADER_DOCUMENT"],
};

/**
 * The parameters a send must give, in order (header, body, buttons as the components come): a
 * text header's {{1}}, a media header, body_1..body_n for the highest {{n}}, and button_<i>_url
 * for the i-th button (counting every button from 1) when it is a URL button with {{1}}.
 */
function deriveParameters(components: readonly ReadComponent[]): TemplateParameterSpec[] {
  const specs: TemplateParameterSpec[] = [];
  let buttonIndex = 0;
  for (const { component: c, examples } of components) {
    if (c.type === "HEADER" && c.format != null && (c.format !== "TEXT" || highestVariable(c.text) > 0)) {
      const [name, kind] = HEADER_PARAMETERS[c.format];
      specs.push({ name, kind, example: examples[0] ?? null });
    }
    if (c.type === "BODY")
      for (let n = 1; n <= highestVariable(c.text); n++) specs.push({ name: `body_${n}`, kind: "BODY_TEXT", example: examples[n - 1] ?? null });
    if (c.type === "BUTTONS")
      (c.buttons ?? []).forEach((b, i) => {
        buttonIndex++;
        if (b.type === "URL" && b.url?.includes("{{1}}")) specs.push({ name: `button_${buttonIndex}_url`, kind: "BUTTON_URL", example: examples[i] ?? null });
      });
  }
  // Two headers or bodies (a malformed template) name a parameter once: the first wins.
  const byName = new Map<string, TemplateParameterSpec>();
  for (const spec of specs) if (!byName.has(spec.name)) byName.set(spec.name, spec);
  return [...byName.values()];
}

// ---- templates ----------------------------------------------------------------------------------------

/** MESSAGE_TEMPLATE_STATUS_APPROVED (or APPROVED) and the other two; anything else is UNKNOWN. */
function templateStatus(raw: string): TemplateStatus {
  const word = raw
    .trim()
    .toUpperCase()
    .replace(/^MESSAGE_TEMPLATE_STATUS_/, "");
  return word === "APPROVED" || word === "PENDING" || word === "REJECTED" ? word : "UNKNOWN";
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;

/** An ISO 8601 date-time as the DateTime scalar writes it; null for anything else. */
const dateTimeOf = (v: unknown): string | null => {
  if (typeof v !== "string" || !ISO_DATE.test(v)) return null;
  const at = new Date(v);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
};

/** The components of a template: templateComponents, or the older format when that is empty or absent. */
function componentsOf(variant: Json, whatsapp: Json | null): ReadComponent[] {
  const connectly = arrayAt(variant, "templateComponents").flatMap(connectlyComponents);
  if (connectly.length > 0) return connectly;
  return arrayAt(whatsapp, "components").flatMap(whatsappComponent);
}

/** One language of a template; null when it has no name or language to be sent by. */
function readTemplate(group: Json, variant: unknown): CatalogTemplate | null {
  if (!isObject(variant)) return null;
  const whatsapp = objectAt(objectAt(variant, "externalTemplate") ?? {}, "whatsapp");
  const name = textOf(group.name) ?? textOf(group.id) ?? textOf(whatsapp?.name);
  const languageField = variant.language;
  const language = (isObject(languageField) ? textOf(languageField.code) : textOf(languageField)) ?? textOf(whatsapp?.language);
  if (name == null || language == null) return null;
  const components = componentsOf(variant, whatsapp);
  const connectlyStatus = textOf(variant.status) ?? textOf(whatsapp?.status) ?? "";
  return {
    name,
    language,
    id: textOf(variant.id) ?? textOf(whatsapp?.id),
    category: textOf(group.category) ?? textOf(whatsapp?.category),
    status: templateStatus(connectlyStatus),
    connectlyStatus,
    rejectionReason: textOf(variant.rejectionReason) ?? textOf(whatsapp?.rejectedReason),
    components: components.map((c) => c.component),
    parameters: deriveParameters(components),
    updatedAt: dateTimeOf(variant.updatedAt) ?? dateTimeOf(whatsapp?.lastUpdatedTime),
  };
}

/**
 * The templates of a get-templates answer (`entity.templateGroups[].templates[]`), one per name
 * and language (the first wins), in the answer's order. Null when the answer is no catalog at all
 * (not an object with an `entity` object, or templateGroups not a list): that is Connectly
 * failing, not a business without templates, and must not replace a good copy.
 */
export function parseTemplateCatalog(body: unknown): CatalogTemplate[] | null {
  const entity = isObject(body) ? objectAt(body, "entity") : null;
  if (entity == null || (entity.templateGroups != null && !Array.isArray(entity.templateGroups))) return null;
  const templates: CatalogTemplate[] = [];
  const seen = new Set<string>();
  for (const group of arrayAt(entity, "templateGroups")) {
    if (!isObject(group)) continue;
    for (const variant of arrayAt(group, "templates")) {
      const template = readTemplate(group, variant);
      const key = template && JSON.stringify([template.name, template.language]);
      if (template == null || key == null || seen.has(key)) continue;
      seen.add(key);
      templates.push(template);
    }
  }
  return templates;
}
