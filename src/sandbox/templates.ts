/**
 * The sandbox's template catalog: Connectly's get-templates format (groups of one template name,
 * one entry per language, `templateComponents` as one-key objects), the built-in catalog tests
 * rely on, and the pure reading the sandbox needs to check a templated send against it. Written
 * from the reference's component rules, apart from the gateway's catalog parser and validator on
 * purpose: a sandbox sharing them could not catch their mistakes.
 */
import { z } from "zod";

export type MediaType = "TYPE_IMAGE" | "TYPE_VIDEO" | "TYPE_DOCUMENT";

export interface ComponentText {
  readonly text: string;
  readonly example?: readonly string[] | undefined;
}

/** The project's chosen shape for buttons (Connectly documents none): one-key objects. */
export type TemplateButton =
  | { readonly quickReply: { readonly text: string } }
  | { readonly url: { readonly text: string; readonly url: string; readonly example?: readonly string[] | undefined } }
  | { readonly phoneNumber: { readonly text: string; readonly phoneNumber: string } };

export type TemplateComponent =
  | { readonly header: { readonly media: { readonly type: MediaType; readonly example?: readonly string[] | undefined } } }
  | { readonly header: { readonly text: ComponentText } }
  | { readonly body: { readonly text: ComponentText } }
  | { readonly footer: { readonly text: { readonly text: string } } }
  | { readonly buttons: { readonly buttons: readonly TemplateButton[] } };

/** A component of the older GitBook format (`externalTemplate.whatsapp.components`). */
export interface WhatsAppComponent {
  readonly type?: string | undefined;
  readonly format?: string | undefined;
  readonly text?: string | undefined;
  readonly buttons?: readonly { readonly type?: string | undefined; readonly text?: string | undefined; readonly url?: string | undefined }[] | undefined;
}

/** One language of a template. */
export interface TemplateVariant {
  readonly id?: string | undefined;
  readonly language: { readonly code: string };
  /** MESSAGE_TEMPLATE_STATUS_APPROVED, _PENDING or _REJECTED; only approved ones can be sent. */
  readonly status: string;
  readonly createdAt?: string | null | undefined;
  readonly updatedAt?: string | null | undefined;
  readonly rejectionReason?: string | null | undefined;
  readonly templateComponents?: readonly TemplateComponent[] | undefined;
  /** The older format, read when templateComponents is empty or absent. */
  readonly externalTemplate?: { readonly whatsapp?: { readonly components?: readonly WhatsAppComponent[] | undefined } | undefined } | undefined;
}

/** One template name and its languages, as get-templates answers it. */
export interface TemplateGroup {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly category?: string | undefined;
  readonly templates: readonly TemplateVariant[];
}

const at = "2026-01-05T10:00:00Z";
const approved = { status: "MESSAGE_TEMPLATE_STATUS_APPROVED", createdAt: at, updatedAt: at, rejectionReason: null } as const;
const body = (text: string, example?: string[]): TemplateComponent => ({ body: { text: { text, ...(example ? { example } : {}) } } });
const media = (type: MediaType, url: string): TemplateComponent => ({ header: { media: { type, example: [url] } } });
const footer = (text: string): TemplateComponent => ({ footer: { text: { text } } });
const buttons = (...list: TemplateButton[]): TemplateComponent => ({ buttons: { buttons: list } });

/** The built-in catalog, the same for every business (docs/sandbox.md lists it; tests rely on it). */
export const DEFAULT_TEMPLATE_GROUPS: readonly TemplateGroup[] = [
  {
    id: "order_ready",
    name: "order_ready",
    category: "UTILITY",
    templates: [
      {
        id: "1029384756001",
        language: { code: "pt_BR" },
        ...approved,
        templateComponents: [
          media("TYPE_IMAGE", "https://cdn.example.com/p.png"),
          body("Oi {{1}}, seu pedido {{2}} chegou.", ["Ana", "A1B2"]),
          footer("Loja Exemplo"),
          buttons({ url: { text: "Acompanhar", url: "https://shop.example.com/orders/{{1}}", example: ["A1B2"] } }),
        ],
      },
      {
        id: "1029384756002",
        language: { code: "en_US" },
        ...approved,
        templateComponents: [
          media("TYPE_IMAGE", "https://cdn.example.com/p.png"),
          body("Hi {{1}}, your order {{2}} is ready.", ["Ann", "A1B2"]),
          footer("Example Shop"),
          buttons({ url: { text: "Track", url: "https://shop.example.com/orders/{{1}}", example: ["A1B2"] } }),
        ],
      },
    ],
  },
  {
    id: "welcome_back",
    name: "welcome_back",
    category: "MARKETING",
    templates: [
      {
        id: "1029384756003",
        language: { code: "en" },
        ...approved,
        templateComponents: [
          { header: { text: { text: "Hi {{1}}", example: ["Ann"] } } },
          body("We kept your cart, {{1}}. Reply to pick up where you left off.", ["Ann"]),
          buttons({ quickReply: { text: "Show cart" } }, { quickReply: { text: "Not now" } }),
        ],
      },
    ],
  },
  {
    id: "appointment_video",
    name: "appointment_video",
    category: "UTILITY",
    templates: [
      {
        id: "1029384756004",
        language: { code: "en" },
        ...approved,
        templateComponents: [media("TYPE_VIDEO", "https://cdn.example.com/visit.mp4"), body("Your appointment is on {{1}}.", ["May 3 at 10:00"])],
      },
    ],
  },
  {
    id: "invoice_ready",
    name: "invoice_ready",
    category: "UTILITY",
    templates: [
      {
        id: "1029384756005",
        language: { code: "en" },
        ...approved,
        templateComponents: [
          media("TYPE_DOCUMENT", "https://cdn.example.com/invoice.pdf"),
          body("Invoice {{1}} for {{2}} is attached.", ["INV-1", "$20.00"]),
          buttons(
            { phoneNumber: { text: "Call us", phoneNumber: "+15550001111" } },
            { url: { text: "Pay", url: "https://pay.example.com/i/{{1}}", example: ["INV-1"] } },
          ),
        ],
      },
    ],
  },
  {
    id: "thanks",
    name: "thanks",
    category: "UTILITY",
    templates: [{ id: "1029384756006", language: { code: "en" }, ...approved, templateComponents: [body("Thanks for contacting us.")] }],
  },
  {
    id: "summer_sale",
    name: "summer_sale",
    category: "MARKETING",
    templates: [
      {
        id: "1029384756007",
        language: { code: "en" },
        ...approved,
        status: "MESSAGE_TEMPLATE_STATUS_PENDING",
        templateComponents: [body("Summer sale: {{1}} off.", ["20%"])],
      },
    ],
  },
  {
    id: "spam_offer",
    name: "spam_offer",
    category: "MARKETING",
    templates: [
      {
        id: "1029384756008",
        language: { code: "en" },
        ...approved,
        status: "MESSAGE_TEMPLATE_STATUS_REJECTED",
        rejectionReason: "INVALID_FORMAT",
        templateComponents: [body("Win {{1}} now", ["$1000"])],
      },
    ],
  },
];

// The file check (SANDBOX_TEMPLATES_FILE): components are one-key objects of a known shape; the
// objects inside may carry more fields, which the sandbox passes on as they are.
const examples = z.array(z.string()).optional();
const componentText = z.looseObject({ text: z.string(), example: examples });
const buttonSchema = z.union([
  z.strictObject({ quickReply: z.looseObject({ text: z.string() }) }),
  z.strictObject({ url: z.looseObject({ text: z.string(), url: z.string(), example: examples }) }),
  z.strictObject({ phoneNumber: z.looseObject({ text: z.string(), phoneNumber: z.string() }) }),
]);
// One object of optional keys rather than a union of one-key objects, so that a problem is reported where it is.
const componentSchema = z
  .strictObject({
    header: z
      .union([
        z.strictObject({ media: z.looseObject({ type: z.enum(["TYPE_IMAGE", "TYPE_VIDEO", "TYPE_DOCUMENT"]), example: examples }) }),
        z.strictObject({ text: componentText }),
      ])
      .optional(),
    body: z.strictObject({ text: componentText }).optional(),
    footer: z.strictObject({ text: z.looseObject({ text: z.string() }) }).optional(),
    buttons: z.strictObject({ buttons: z.array(buttonSchema) }).optional(),
  })
  .refine((c) => Object.keys(c).length === 1, { message: "must hold exactly one of header, body, footer or buttons" })
  .transform((c) => c as TemplateComponent);
const whatsAppComponent = z.looseObject({
  type: z.string().optional(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(z.looseObject({ type: z.string().optional(), text: z.string().optional(), url: z.string().optional() })).optional(),
});
const variantSchema = z.looseObject({
  id: z.string().optional(),
  language: z.looseObject({ code: z.string().min(1) }),
  status: z.string().min(1),
  createdAt: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
  rejectionReason: z.string().nullable().optional(),
  templateComponents: z.array(componentSchema).optional(),
  externalTemplate: z.looseObject({ whatsapp: z.looseObject({ components: z.array(whatsAppComponent).optional() }).optional() }).optional(),
});
const groupSchema = z
  .looseObject({ id: z.string().optional(), name: z.string().optional(), category: z.string().optional(), templates: z.array(variantSchema) })
  .refine((g) => (g.name ?? g.id ?? "") !== "", { message: "needs a name or an id" });

/** Reads a catalog file's JSON: {entity:{templateGroups}} or the bare array; the problem is the end of a sentence. */
export function parseTemplateGroups(json: unknown): { ok: true; groups: readonly TemplateGroup[] } | { ok: false; problem: string } {
  const entity = (json as { entity?: { templateGroups?: unknown } } | null)?.entity;
  const list = Array.isArray(json) ? json : entity != null && typeof entity === "object" ? entity.templateGroups : undefined;
  if (!Array.isArray(list)) return { ok: false, problem: 'must hold {"entity":{"templateGroups":[...]}} or an array of template groups' };
  const parsed = z.array(groupSchema).safeParse(list);
  if (parsed.success) {
    const groups: readonly TemplateGroup[] = parsed.data;
    return { ok: true, groups };
  }
  const issue = parsed.error.issues[0]!;
  const where = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  return { ok: false, problem: `templateGroups${where} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}` };
}

/** One language of a template by name and language code (exact, as Connectly matches them). */
export function findTemplate(groups: readonly TemplateGroup[], name: string, language: string): TemplateVariant | undefined {
  for (const group of groups) {
    // setTemplates takes what a test hands it: a group without a templates list holds nothing.
    const templates: unknown = group.templates;
    if ((group.name ?? group.id) !== name || !Array.isArray(templates)) continue;
    const found = (templates as readonly (TemplateVariant | undefined)[]).find((t) => t?.language?.code === language);
    if (found) return found;
  }
  return undefined;
}

export const isApproved = (t: TemplateVariant): boolean => t.status === "MESSAGE_TEMPLATE_STATUS_APPROVED" || t.status === "APPROVED";

/** What a template's components ask for, read from either format. */
interface Shape {
  readonly header?: { readonly media: "image" | "video" | "document" } | { readonly text: string } | undefined;
  readonly body?: string | undefined;
  /** Every button in order, with its url when it is a URL button. */
  readonly buttons: readonly { readonly url?: string | undefined }[];
}

const MEDIA: Record<string, "image" | "video" | "document"> = {
  TYPE_IMAGE: "image",
  TYPE_VIDEO: "video",
  TYPE_DOCUMENT: "document",
  IMAGE: "image",
  VIDEO: "video",
  DOCUMENT: "document",
};
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
type Loose = Record<string, unknown> | undefined;
const obj = (v: unknown): Loose => (v != null && typeof v === "object" ? (v as Record<string, unknown>) : undefined);

// Lenient on purpose: setTemplates takes whatever a test hands it, and a catalog entry the sandbox cannot read asks for nothing.
function connectlyShape(components: readonly unknown[]): Shape {
  let header: Shape["header"];
  let body: string | undefined;
  const buttons: { url?: string | undefined }[] = [];
  for (const c of components.map(obj)) {
    const h = obj(c?.header);
    const kind = MEDIA[str(obj(h?.media)?.type) ?? ""];
    if (kind) header = { media: kind };
    else if (str(obj(h?.text)?.text) != null) header = { text: str(obj(h?.text)?.text)! };
    body = str(obj(obj(c?.body)?.text)?.text) ?? body;
    const list = obj(c?.buttons)?.buttons;
    if (Array.isArray(list)) for (const b of list) buttons.push({ url: str(obj(obj(b)?.url)?.url) });
  }
  return { header, body, buttons };
}

function whatsAppShape(components: readonly unknown[]): Shape {
  let header: Shape["header"];
  let body: string | undefined;
  const buttons: { url?: string | undefined }[] = [];
  for (const c of components.map(obj)) {
    const type = str(c?.type)?.toUpperCase();
    const kind = MEDIA[str(c?.format)?.toUpperCase() ?? ""];
    if (type === "HEADER") header = kind ? { media: kind } : { text: str(c?.text) ?? "" };
    if (type === "BODY") body = str(c?.text) ?? body;
    const list = c?.buttons;
    if (type === "BUTTONS" && Array.isArray(list)) {
      for (const b of list.map(obj)) buttons.push({ url: str(b?.type)?.toUpperCase() === "URL" ? str(b?.url) : undefined });
    }
  }
  return { header, body, buttons };
}

const highestVariable = (text: string): number => Math.max(0, ...[...text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1])));
const hasFirstVariable = (text: string): boolean => /\{\{\s*1\s*\}\}/.test(text);

/** The parameter names a template expects, in order: header, body_1..body_n, then button_<i>_url (i counts all buttons from 1). */
export function expectedParameters(t: TemplateVariant): string[] {
  const own = Array.isArray(t.templateComponents) ? t.templateComponents : [];
  const older = obj(obj(t.externalTemplate)?.whatsapp)?.components;
  const shape = own.length > 0 || !Array.isArray(older) ? connectlyShape(own) : whatsAppShape(older);
  const names: string[] = [];
  if (shape.header && "media" in shape.header) names.push(`header_${shape.header.media}`);
  else if (shape.header && hasFirstVariable(shape.header.text)) names.push("header_text");
  for (let n = 1; n <= highestVariable(shape.body ?? ""); n++) names.push(`body_${n}`);
  shape.buttons.forEach((b, i) => {
    if (b.url != null && hasFirstVariable(b.url)) names.push(`button_${i + 1}_url`);
  });
  return names;
}

export interface TemplateParameter {
  readonly name: string;
  readonly value: string;
  readonly filename?: string | undefined;
}

const isHttpUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
};

/** Why the parameters do not fit the template (missing, extra, repeated, a media value that is no URL), or undefined. */
export function templateInputProblem(templateName: string, t: TemplateVariant, parameters: readonly TemplateParameter[]): string | undefined {
  const expected = expectedParameters(t);
  const which = `template ${templateName} (${t.language.code})`;
  const takes = expected.length > 0 ? `it takes ${expected.join(", ")}` : "it takes no parameters";
  const seen = new Set<string>();
  for (const [i, p] of parameters.entries()) {
    if (seen.has(p.name)) return `parameters[${i}] repeats the parameter ${p.name}.`;
    seen.add(p.name);
    if (!expected.includes(p.name)) return `parameters[${i}] ${p.name} is not a parameter of ${which}: ${takes}.`;
    if (/^header_(image|video|document)$/.test(p.name) && !isHttpUrl(p.value)) return `parameters[${i}] ${p.name} must be an http(s) URL of the media.`;
    if (p.filename != null && p.name !== "header_document") return `parameters[${i}] ${p.name} takes no filename: only header_document does.`;
  }
  const missing = expected.filter((name) => !seen.has(name));
  return missing.length > 0 ? `${which} needs the parameter${missing.length > 1 ? "s" : ""} ${missing.join(", ")}: ${takes}.` : undefined;
}
