/**
 * Connectly's contract for the body of POST /v1/businesses/{businessId}/send/messages, written from
 * Connectly's reference (required fields, which content types, E.164, one attachment, up to three
 * reply buttons, callbackData up to 1024 bytes) and the WhatsApp limits it links to (lengths and
 * counts of interactive messages), and for the body of .../send/whatsapp_templated_messages (number,
 * templateName, language, {name, value, filename} parameters, a plain-string sender). Written apart
 * from the gateway's validator on purpose, and importing nothing of it: a sandbox sharing the
 * validator could not catch the validator's mistakes.
 */
import type { TemplateParameter } from "./templates.js";

/** One way a body breaks the contract: where, which rule (the sandbox's own names), and why. */
export interface ContractProblem {
  /** A dotted path in the body, e.g. "message.listMessage.sections[0].rows[1].id". */
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** Lengths count characters (Unicode code points), as WhatsApp counts them. */
const MAX = {
  text: 4096,
  interactiveBody: 1024,
  caption: 1024,
  headerText: 60,
  footerText: 60,
  listButton: 20,
  listSections: 10,
  listRows: 10,
  listSectionTitle: 24,
  listRowId: 200,
  listRowTitle: 24,
  listRowDescription: 72,
  replyButtons: 3,
  replyButtonId: 256,
  replyButtonTitle: 20,
  productSections: 10,
  products: 30,
  productSectionTitle: 24,
  callbackDataBytes: 1024,
} as const;

const E164 = /^\+[1-9][0-9]{1,14}$/;
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]+$/;
const MEDIA_TYPES = ["image", "video", "audio", "document"];
const HEADER_MEDIA_TYPES = ["image", "video", "document"];
const STRATEGIES = ["independent", "short_circuit", "strategy_unspecified"];
const INTERACTIVE = ["listMessage", "replyButtonMessage", "singleProductMessage", "multiProductMessage"] as const;

type Json = Record<string, unknown>;

/** Collects problems while walking the body; every check names the field it looks at. */
class Check {
  readonly problems: ContractProblem[] = [];

  fail(field: string, rule: string, message: string): undefined {
    this.problems.push({ field, rule, message: `${field} ${message}.` });
    return undefined;
  }

  /** An object with only the given fields, or undefined (and a problem when it was required or is not an object). */
  object(v: unknown, field: string, fields: readonly string[], required: boolean): Json | undefined {
    if (v === undefined || v === null) return required ? this.fail(field, "REQUIRED", "is required") : undefined;
    if (typeof v !== "object" || Array.isArray(v)) return this.fail(field, "TYPE", "must be an object");
    const o = v as Json;
    for (const key of Object.keys(o)) if (!fields.includes(key)) this.fail(`${field}.${key}`, "UNKNOWN_FIELD", "is not a field of this object");
    return o;
  }

  string(v: unknown, field: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    if (v === undefined || v === null) return opts.required ? this.fail(field, "REQUIRED", "is required") : undefined;
    if (typeof v !== "string") return this.fail(field, "TYPE", "must be a string");
    if (opts.required && v.length === 0) return this.fail(field, "REQUIRED", "must not be empty");
    if (opts.max != null && [...v].length > opts.max) return this.fail(field, "MAX_LENGTH", `must be at most ${opts.max} characters`);
    return v;
  }

  oneOf(v: unknown, field: string, allowed: readonly string[], required: boolean): string | undefined {
    const s = this.string(v, field, { required });
    if (s != null && !allowed.includes(s)) return this.fail(field, "ENUM", `must be one of ${allowed.join(", ")}`);
    return s;
  }

  array(v: unknown, field: string, min: number, max: number, what: string): unknown[] | undefined {
    if (v === undefined || v === null) return this.fail(field, "REQUIRED", "is required");
    if (!Array.isArray(v)) return this.fail(field, "TYPE", "must be an array");
    if (v.length < min || v.length > max) return this.fail(field, "COUNT", `must hold ${min === max ? min : `${min} to ${max}`} ${what} (got ${v.length})`);
    return v as unknown[];
  }

  number(v: unknown, field: string, min: number, max: number): void {
    if (v === undefined || v === null) this.fail(field, "REQUIRED", "is required");
    else if (typeof v !== "number" || !Number.isFinite(v)) this.fail(field, "TYPE", "must be a number");
    else if (v < min || v > max) this.fail(field, "RANGE", `must be between ${min} and ${max}`);
  }

  unique(values: readonly unknown[], field: (i: number) => string, what: string): void {
    const seen = new Set<unknown>();
    values.forEach((v, i) => {
      if (typeof v === "string" && seen.has(v)) this.fail(field(i), "UNIQUE", `repeats the ${what} "${v}"`);
      seen.add(v);
    });
  }
}

/** Every problem of a send body, in the order the body is read; empty when Connectly would take it. */
export function sendBodyProblems(body: unknown): ContractProblem[] {
  const c = new Check();
  const b = c.object(body, "body", ["recipient", "sender", "message", "callbackData", "campaignName", "order"], true);
  if (!b) return c.problems;
  checkRecipient(c, b.recipient);
  checkSender(c, b.sender);
  checkMessage(c, b.message);
  checkCallbackData(c, b.callbackData);
  c.string(b.campaignName, "campaignName");
  const order = c.object(b.order, "order", ["parentId", "strategy"], false);
  if (order) {
    c.string(order.parentId, "order.parentId");
    c.oneOf(order.strategy, "order.strategy", STRATEGIES, false);
  }
  return c.problems;
}

function checkRecipient(c: Check, v: unknown): void {
  const r = c.object(v, "recipient", ["id", "channelType", "name", "userId"], true);
  if (!r) return;
  const id = c.string(r.id, "recipient.id", { required: true });
  if (id != null && !E164.test(id)) {
    if (BSUID.test(id)) c.fail("recipient.id", "BSUID_ONLY", "is a bare BSUID: sending to phone-less (BSUID-only) customers is not yet available");
    else c.fail("recipient.id", "E164", "must be the customer's WhatsApp number in E.164 format (e.g. +16044441111)");
  }
  c.oneOf(r.channelType, "recipient.channelType", ["whatsapp"], true);
  c.string(r.name, "recipient.name");
  const userId = c.string(r.userId, "recipient.userId");
  if (userId != null && !BSUID.test(userId)) c.fail("recipient.userId", "BSUID", "must be a bare BSUID (e.g. US.13491208655302741918)");
}

function checkSender(c: Check, v: unknown): void {
  const s = c.object(v, "sender", ["id", "channelType", "name"], false);
  if (!s) return;
  const id = c.string(s.id, "sender.id");
  if (id != null && !E164.test(id)) c.fail("sender.id", "E164", "must be a WhatsApp sender number in E.164 format (e.g. +14151111234)");
  c.oneOf(s.channelType, "sender.channelType", ["whatsapp"], false);
  c.string(s.name, "sender.name");
}

function checkCallbackData(c: Check, v: unknown): void {
  if (v === undefined) return;
  const bytes = Buffer.byteLength(JSON.stringify(v), "utf8");
  if (bytes > MAX.callbackDataBytes) c.fail("callbackData", "CALLBACK_DATA_SIZE", `exceeds ${MAX.callbackDataBytes} bytes (got ${bytes})`);
}

const MESSAGE_FIELDS = ["id", "text", "attachments", "location", ...INTERACTIVE, "referral", "isEcho"];

function checkMessage(c: Check, v: unknown): void {
  const m = c.object(v, "message", MESSAGE_FIELDS, true);
  if (!m) return;
  if (c.string(m.id, "message.id") === "") c.fail("message.id", "REQUIRED", "must not be empty when given");
  if (m.referral !== undefined) c.fail("message.referral", "READ_ONLY", "is read-only: it is set on inbound messages only");
  if (m.isEcho !== undefined && typeof m.isEcho !== "boolean") c.fail("message.isEcho", "TYPE", "must be a boolean");
  const interactive = INTERACTIVE.filter((k) => m[k] != null);
  // message.text is the body of an interactive message, and a content type of its own otherwise.
  const kinds = [...interactive, ...(m.attachments != null ? ["attachments"] : []), ...(m.location != null ? ["location"] : [])];
  if (m.text != null && interactive.length === 0) kinds.push("text");
  if (kinds.length !== 1) {
    c.fail("message", "ONE_CONTENT_TYPE", `must hold exactly one content type (got ${kinds.length === 0 ? "none" : kinds.join(", ")})`);
    return;
  }
  const kind = kinds[0]!;
  if (kind === "text") c.string(m.text, "message.text", { required: true, max: MAX.text });
  else if (kind === "attachments") checkAttachments(c, m.attachments);
  else if (kind === "location") checkLocation(c, m.location);
  else checkInteractive(c, m, kind as (typeof INTERACTIVE)[number]);
}

function checkInteractive(c: Check, m: Json, kind: (typeof INTERACTIVE)[number]): void {
  // The reference requires text with multiProductMessage; WhatsApp requires a body on reply buttons.
  const bodyRequired = kind === "multiProductMessage" || kind === "replyButtonMessage";
  c.string(m.text, "message.text", { required: bodyRequired, max: MAX.interactiveBody });
  const field = `message.${kind}`;
  if (kind === "listMessage") checkListMessage(c, m.listMessage, field);
  else if (kind === "replyButtonMessage") checkReplyButtonMessage(c, m.replyButtonMessage, field);
  else if (kind === "singleProductMessage") checkSingleProductMessage(c, m.singleProductMessage, field);
  else checkMultiProductMessage(c, m.multiProductMessage, field);
}

const isHttpUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
};

/** A media URL: the reference asks for a public URL, so an absolute http(s) one. */
function checkUrl(c: Check, v: unknown, field: string): void {
  const s = c.string(v, field, { required: true });
  if (s != null && !isHttpUrl(s)) c.fail(field, "URL", "must be a public http(s) URL");
}

function checkAttachments(c: Check, v: unknown): void {
  // "Up to one attachment per message"; an empty list would be no content at all.
  const list = c.array(v, "message.attachments", 1, 1, "attachment");
  if (!list) return;
  const field = "message.attachments[0]";
  const a = c.object(list[0], field, ["type", "url", "caption", "filename"], true);
  if (!a) return;
  const type = c.oneOf(a.type, `${field}.type`, MEDIA_TYPES, true);
  checkUrl(c, a.url, `${field}.url`);
  c.string(a.caption, `${field}.caption`, { max: MAX.caption });
  if (a.caption != null && type === "audio") c.fail(`${field}.caption`, "NO_AUDIO_CAPTION", "is not allowed on audio");
  c.string(a.filename, `${field}.filename`);
  if (a.filename != null && type != null && type !== "document") c.fail(`${field}.filename`, "FILENAME_DOCUMENT_ONLY", "is only allowed on documents");
}

function checkLocation(c: Check, v: unknown): void {
  const l = c.object(v, "message.location", ["latitude", "longitude", "name", "address"], true);
  if (!l) return;
  c.number(l.latitude, "message.location.latitude", -90, 90);
  c.number(l.longitude, "message.location.longitude", -180, 180);
  c.string(l.name, "message.location.name");
  c.string(l.address, "message.location.address");
}

/** The header list and reply-button messages share: text, or one media attachment. */
function checkHeader(c: Check, v: unknown, field: string): void {
  const h = c.object(v, field, ["text", "attachment"], false);
  if (!h) return;
  if ((h.text != null) === (h.attachment != null)) {
    c.fail(field, "ONE_HEADER", "must hold either text or an attachment");
    return;
  }
  if (h.text != null) {
    c.string(h.text, `${field}.text`, { required: true, max: MAX.headerText });
    return;
  }
  const a = c.object(h.attachment, `${field}.attachment`, ["type", "url", "filename"], true);
  if (!a) return;
  const type = c.oneOf(a.type, `${field}.attachment.type`, HEADER_MEDIA_TYPES, true);
  checkUrl(c, a.url, `${field}.attachment.url`);
  c.string(a.filename, `${field}.attachment.filename`);
  if (a.filename != null && type != null && type !== "document")
    c.fail(`${field}.attachment.filename`, "FILENAME_DOCUMENT_ONLY", "is only allowed on documents");
}

/** `{ text }` objects: footer, list button, multi-product header. */
function checkTextObject(c: Check, v: unknown, field: string, max: number, required: boolean): void {
  const o = c.object(v, field, ["text"], required);
  if (o) c.string(o.text, `${field}.text`, { required: true, max });
}

function checkListMessage(c: Check, v: unknown, field: string): void {
  const m = c.object(v, field, ["header", "footer", "button", "sections"], true);
  if (!m) return;
  checkHeader(c, m.header, `${field}.header`);
  checkTextObject(c, m.footer, `${field}.footer`, MAX.footerText, false);
  checkTextObject(c, m.button, `${field}.button`, MAX.listButton, true);
  const sections = c.array(m.sections, `${field}.sections`, 1, MAX.listSections, "sections");
  if (!sections) return;
  const rowIds: unknown[] = [];
  const rowField: string[] = [];
  sections.forEach((sv, i) => {
    const at = `${field}.sections[${i}]`;
    const s = c.object(sv, at, ["title", "rows"], true);
    if (!s) return;
    c.string(s.title, `${at}.title`, { required: sections.length > 1, max: MAX.listSectionTitle });
    const rows = c.array(s.rows, `${at}.rows`, 1, MAX.listRows, "rows");
    rows?.forEach((rv, j) => {
      const r = c.object(rv, `${at}.rows[${j}]`, ["id", "text", "description"], true);
      if (!r) return;
      rowIds.push(c.string(r.id, `${at}.rows[${j}].id`, { required: true, max: MAX.listRowId }));
      rowField.push(`${at}.rows[${j}].id`);
      c.string(r.text, `${at}.rows[${j}].text`, { required: true, max: MAX.listRowTitle });
      c.string(r.description, `${at}.rows[${j}].description`, { max: MAX.listRowDescription });
    });
  });
  if (rowIds.length > MAX.listRows) c.fail(`${field}.sections`, "COUNT", `must hold at most ${MAX.listRows} rows in all (got ${rowIds.length})`);
  c.unique(rowIds, (i) => rowField[i]!, "row id");
}

function checkReplyButtonMessage(c: Check, v: unknown, field: string): void {
  const m = c.object(v, field, ["header", "footer", "buttons"], true);
  if (!m) return;
  checkHeader(c, m.header, `${field}.header`);
  checkTextObject(c, m.footer, `${field}.footer`, MAX.footerText, false);
  const buttons = c.array(m.buttons, `${field}.buttons`, 1, MAX.replyButtons, "buttons");
  const ids = (buttons ?? []).map((bv, i) => {
    const b = c.object(bv, `${field}.buttons[${i}]`, ["id", "text"], true);
    if (!b) return undefined;
    c.string(b.text, `${field}.buttons[${i}].text`, { required: true, max: MAX.replyButtonTitle });
    return c.string(b.id, `${field}.buttons[${i}].id`, { required: true, max: MAX.replyButtonId });
  });
  c.unique(ids, (i) => `${field}.buttons[${i}].id`, "button id");
}

function checkSingleProductMessage(c: Check, v: unknown, field: string): void {
  const m = c.object(v, field, ["footer", "catalogId", "productItem"], true);
  if (!m) return;
  checkTextObject(c, m.footer, `${field}.footer`, MAX.footerText, false);
  c.string(m.catalogId, `${field}.catalogId`, { required: true });
  const item = c.object(m.productItem, `${field}.productItem`, ["productRetailerId"], true);
  if (item) c.string(item.productRetailerId, `${field}.productItem.productRetailerId`, { required: true });
}

function checkMultiProductMessage(c: Check, v: unknown, field: string): void {
  const m = c.object(v, field, ["header", "footer", "catalogId", "sections"], true);
  if (!m) return;
  checkTextObject(c, m.header, `${field}.header`, MAX.headerText, true);
  checkTextObject(c, m.footer, `${field}.footer`, MAX.footerText, false);
  c.string(m.catalogId, `${field}.catalogId`, { required: true });
  const sections = c.array(m.sections, `${field}.sections`, 1, MAX.productSections, "sections");
  let products = 0;
  sections?.forEach((sv, i) => {
    const at = `${field}.sections[${i}]`;
    const s = c.object(sv, at, ["title", "productItems"], true);
    if (!s) return;
    c.string(s.title, `${at}.title`, { required: true, max: MAX.productSectionTitle });
    const items = c.array(s.productItems, `${at}.productItems`, 1, MAX.products, "products");
    items?.forEach((pv, j) => {
      const p = c.object(pv, `${at}.productItems[${j}]`, ["productRetailerId"], true);
      if (p) c.string(p.productRetailerId, `${at}.productItems[${j}].productRetailerId`, { required: true });
    });
    products += items?.length ?? 0;
  });
  if (products > MAX.products) c.fail(`${field}.sections`, "COUNT", `must hold at most ${MAX.products} products in all (got ${products})`);
}

/** Connectly's 400 for a body that breaks the contract: its error object, from the first problem. */
export function contractRefusal(problem: ContractProblem): { error: { type: string; code: string; message: string } } {
  const code = problem.rule === "CALLBACK_DATA_SIZE" ? "ERROR_CODE_CALLBACK_DATA_TOO_LARGE" : "ERROR_CODE_INVALID_REQUEST";
  return { error: { type: "ERROR_TYPE_INVALID_REQUEST", code, message: problem.message } };
}

/** The customer and message id of a body that passed the contract (for the window and deduplication). */
export function sendBodyKeys(body: unknown): { customer: string; messageId?: string } {
  const b = body as { recipient: { id: string }; message: { id?: string } };
  return { customer: b.recipient.id, ...(b.message.id != null ? { messageId: b.message.id } : {}) };
}

const TEMPLATE_BODY_FIELDS = ["number", "templateName", "language", "parameters", "sender", "callbackData", "campaignName"];

/** Every problem of a templated-message body, in the order the body is read; empty when Connectly would take it. */
export function templateBodyProblems(body: unknown): ContractProblem[] {
  const c = new Check();
  const b = c.object(body, "body", TEMPLATE_BODY_FIELDS, true);
  if (!b) return c.problems;
  const number = c.string(b.number, "number", { required: true });
  if (number != null && !E164.test(number)) c.fail("number", "E164", "must be the customer's WhatsApp number in E.164 format (e.g. +16044441111)");
  c.string(b.templateName, "templateName", { required: true });
  c.string(b.language, "language", { required: true });
  checkTemplateParameters(c, b.parameters);
  // A plain number here, where the session endpoint takes an object.
  const sender = c.string(b.sender, "sender");
  if (sender != null && !E164.test(sender)) c.fail("sender", "E164", "must be a WhatsApp sender number in E.164 format (e.g. +14151111234)");
  checkCallbackData(c, b.callbackData);
  c.string(b.campaignName, "campaignName");
  return c.problems;
}

function checkTemplateParameters(c: Check, v: unknown): void {
  if (v === undefined || v === null) return;
  if (!Array.isArray(v)) {
    c.fail("parameters", "TYPE", "must be an array");
    return;
  }
  v.forEach((pv: unknown, i) => {
    const p = c.object(pv, `parameters[${i}]`, ["name", "value", "filename"], true);
    if (!p) return;
    c.string(p.name, `parameters[${i}].name`, { required: true });
    c.string(p.value, `parameters[${i}].value`, { required: true });
    c.string(p.filename, `parameters[${i}].filename`);
  });
}

/** What the sandbox reads of a templated body that passed the contract. */
export interface TemplateBodyKeys {
  readonly number: string;
  readonly templateName: string;
  readonly language: string;
  readonly parameters: readonly TemplateParameter[];
}

export function templateBodyKeys(body: unknown): TemplateBodyKeys {
  const b = body as { number: string; templateName: string; language: string; parameters?: TemplateParameter[] | null };
  return { number: b.number, templateName: b.templateName, language: b.language, parameters: b.parameters ?? [] };
}
