/**
 * Every rule of a template send against the validators themselves: the envelope and the template's
 * structure (validateSendTemplateMessageInput, validateTemplateInput), the checks against a catalog
 * (checkTemplateAgainstCatalog, with the sandbox's built-in catalog written out below as the
 * gateway's CatalogTemplates), and a session send's fallbackTemplate. A bad input yields the exact
 * field and rule as its first issue; inputs just inside a limit yield none. Properties: any value
 * never throws and is refused only with a rule of the SDL; a valid template against its own catalog
 * entry passes.
 */
import fc from "fast-check";
import type { GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import type {
  CatalogTemplate,
  TemplateButton,
  TemplateComponent,
  TemplateInput,
  TemplateParameterInput,
  TemplateParameterSpec,
} from "../src/domain/templates.js";
import { sdlSchema } from "../src/graphql/error-tables.js";
import { validateSendSessionMessageInput } from "../src/validation/send-session-message.js";
import { checkTemplateAgainstCatalog, validateSendTemplateMessageInput, validateTemplateInput } from "../src/validation/send-template-message.js";

// ---- the sandbox's built-in catalog, as the gateway holds it ----------------------------------------

const component = (type: TemplateComponent["type"], extra: Partial<TemplateComponent> = {}): TemplateComponent => ({
  type,
  format: null,
  text: null,
  buttons: null,
  ...extra,
});
const mediaHeader = (format: "IMAGE" | "VIDEO" | "DOCUMENT") => component("HEADER", { format });
const textHeader = (text: string) => component("HEADER", { format: "TEXT", text });
const body = (text: string) => component("BODY", { text });
const footer = (text: string) => component("FOOTER", { text });
const buttons = (...list: TemplateButton[]) => component("BUTTONS", { buttons: list });
const urlButton = (text: string, url: string): TemplateButton => ({ type: "URL", text, url, phoneNumber: null });
const quickReply = (text: string): TemplateButton => ({ type: "QUICK_REPLY", text, url: null, phoneNumber: null });
const phoneButton = (text: string, phoneNumber: string): TemplateButton => ({ type: "PHONE_NUMBER", text, url: null, phoneNumber });
const spec = (name: string, kind: TemplateParameterSpec["kind"], example: string | null = null): TemplateParameterSpec => ({ name, kind, example });

const CONNECTLY_STATUS = {
  APPROVED: "MESSAGE_TEMPLATE_STATUS_APPROVED",
  PENDING: "MESSAGE_TEMPLATE_STATUS_PENDING",
  REJECTED: "MESSAGE_TEMPLATE_STATUS_REJECTED",
};

function catalogTemplate(
  id: string,
  name: string,
  language: string,
  category: string,
  components: TemplateComponent[],
  parameters: TemplateParameterSpec[],
  status: "APPROVED" | "PENDING" | "REJECTED" = "APPROVED",
  rejectionReason: string | null = null,
): CatalogTemplate {
  return {
    id,
    name,
    language,
    category,
    status,
    connectlyStatus: CONNECTLY_STATUS[status],
    rejectionReason,
    components,
    parameters,
    updatedAt: "2026-01-05T10:00:00.000Z",
  };
}

const ORDER_READY_PARAMETERS = [
  spec("header_image", "HEADER_IMAGE", "https://cdn.example.com/p.png"),
  spec("body_1", "BODY_TEXT", "Ana"),
  spec("body_2", "BODY_TEXT", "A1B2"),
  spec("button_1_url", "BUTTON_URL", "A1B2"),
];

const CATALOG: readonly CatalogTemplate[] = [
  catalogTemplate(
    "1029384756001",
    "order_ready",
    "pt_BR",
    "UTILITY",
    [
      mediaHeader("IMAGE"),
      body("Oi {{1}}, seu pedido {{2}} chegou."),
      footer("Loja Exemplo"),
      buttons(urlButton("Acompanhar", "https://shop.example.com/orders/{{1}}")),
    ],
    ORDER_READY_PARAMETERS,
  ),
  catalogTemplate(
    "1029384756002",
    "order_ready",
    "en_US",
    "UTILITY",
    [
      mediaHeader("IMAGE"),
      body("Hi {{1}}, your order {{2}} is ready."),
      footer("Example Shop"),
      buttons(urlButton("Track", "https://shop.example.com/orders/{{1}}")),
    ],
    ORDER_READY_PARAMETERS,
  ),
  catalogTemplate(
    "1029384756003",
    "welcome_back",
    "en",
    "MARKETING",
    [textHeader("Hi {{1}}"), body("We kept your cart, {{1}}. Reply to pick up where you left off."), buttons(quickReply("Show cart"), quickReply("Not now"))],
    [spec("header_text", "HEADER_TEXT", "Ann"), spec("body_1", "BODY_TEXT", "Ann")],
  ),
  catalogTemplate(
    "1029384756004",
    "appointment_video",
    "en",
    "UTILITY",
    [mediaHeader("VIDEO"), body("Your appointment is on {{1}}.")],
    [spec("header_video", "HEADER_VIDEO"), spec("body_1", "BODY_TEXT")],
  ),
  catalogTemplate(
    "1029384756005",
    "invoice_ready",
    "en",
    "UTILITY",
    [
      mediaHeader("DOCUMENT"),
      body("Invoice {{1}} for {{2}} is attached."),
      buttons(phoneButton("Call us", "+15550001111"), urlButton("Pay", "https://pay.example.com/i/{{1}}")),
    ],
    [spec("header_document", "HEADER_DOCUMENT"), spec("body_1", "BODY_TEXT"), spec("body_2", "BODY_TEXT"), spec("button_2_url", "BUTTON_URL")],
  ),
  catalogTemplate("1029384756006", "thanks", "en", "UTILITY", [body("Thanks for contacting us.")], []),
  catalogTemplate("1029384756007", "summer_sale", "en", "MARKETING", [body("Summer sale: {{1}} off.")], [spec("body_1", "BODY_TEXT")], "PENDING"),
  catalogTemplate("1029384756008", "spam_offer", "en", "MARKETING", [body("Win {{1}} now")], [spec("body_1", "BODY_TEXT")], "REJECTED", "INVALID_FORMAT"),
];

// ---- inputs -----------------------------------------------------------------------------------------

type Input = Record<string, unknown>;
type Parameter = { name: string; value: string; filename?: string | null };

const p = (name: string, value: string, filename?: string | null): Parameter => (filename === undefined ? { name, value } : { name, value, filename });
const tpl = (name: string, language: string, parameters?: Parameter[]): TemplateInput => ({ name, language, ...(parameters ? { parameters } : {}) });

/** A valid send of each approved built-in template. */
const VALID: Record<string, TemplateInput> = {
  order_ready_pt: tpl("order_ready", "pt_BR", [
    p("header_image", "https://cdn.example.com/p.png"),
    p("body_1", "Ana"),
    p("body_2", "A1B2"),
    p("button_1_url", "A1B2"),
  ]),
  order_ready_en: tpl("order_ready", "en_US", [
    p("header_image", "https://cdn.example.com/p.png"),
    p("body_1", "Ann"),
    p("body_2", "A1B2"),
    p("button_1_url", "A1B2"),
  ]),
  welcome_back: tpl("welcome_back", "en", [p("header_text", "Ann"), p("body_1", "Ann")]),
  appointment_video: tpl("appointment_video", "en", [p("header_video", "https://cdn.example.com/visit.mp4"), p("body_1", "May 3 at 10:00")]),
  invoice_ready: tpl("invoice_ready", "en", [
    p("header_document", "https://cdn.example.com/i.pdf", "invoice-7.pdf"),
    p("body_1", "#7"),
    p("body_2", "R$ 10"),
    p("button_2_url", "7"),
  ]),
  thanks: tpl("thanks", "en"),
};
const ORDER_READY = VALID.order_ready_pt!;

const BASE: Input = { businessId: "biz-templates", recipient: { id: "+5511988887777" }, template: ORDER_READY };
const send = (patch: Input): Input => ({ ...BASE, ...patch });
/** order_ready (pt_BR) with its parameters replaced. */
const withParameters = (parameters: Parameter[]): Input => send({ template: tpl("order_ready", "pt_BR", parameters) });
/** order_ready (pt_BR) with one of its parameters replaced (by name), the rest as valid. */
const replacing = (name: string, parameter: Parameter): TemplateInput => ({
  ...ORDER_READY,
  parameters: ORDER_READY.parameters!.map((q) => (q.name === name ? parameter : q)),
});

type SendInput = Parameters<typeof validateSendTemplateMessageInput>[0];
const validate = (input: Input, root?: string) => validateSendTemplateMessageInput(input as unknown as SendInput, root);

const str = (n: number, unit = "a"): string => unit.repeat(n);
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const startsWith = (field: string) => expect.stringMatching(new RegExp(`^${escapeRegExp(field)} `)) as string;

/** One rule: an input that breaks it, the field and rule of its first issue, and inputs just inside it. */
interface RuleCase {
  readonly name: string;
  readonly bad: Input;
  readonly field: string;
  readonly rule: string;
  readonly good?: readonly Input[];
}

const named = <C extends { readonly name: string }>(cases: readonly C[]) => cases.map((c) => [c.name, c] as const);

function testRules(cases: readonly RuleCase[]): void {
  it.each(named(cases))("%s", (_name, { bad, field, rule, good = [] }) => {
    expect(validate(bad)[0]).toEqual({ field, rule, message: startsWith(field) });
    for (const input of good) expect(validate(input)).toEqual([]);
  });
}

// ---- the envelope -----------------------------------------------------------------------------------

describe("the valid base input", () => {
  it("passes, as does every approved built-in template sent validly", () => {
    expect(validate(BASE)).toEqual([]);
    for (const template of Object.values(VALID)) expect(validate(send({ template }))).toEqual([]);
  });

  it("fields are named under the root given: inputs[3] in a batch", () => {
    expect(validate(send({ campaignName: " " }), "inputs[3]")).toEqual([
      { field: "inputs[3].campaignName", rule: "NOT_BLANK", message: startsWith("inputs[3].campaignName") },
    ]);
  });
});

describe("the envelope", () => {
  const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8");
  const padded = { note: str(1024 - bytes({ note: "" })) };
  testRules([
    {
      name: "BUSINESS_ID_FORMAT: a businessId with a space",
      bad: send({ businessId: "biz 1" }),
      field: "input.businessId",
      rule: "BUSINESS_ID_FORMAT",
      good: [send({ businessId: str(128) })],
    },
    {
      name: "E164: a recipient that is no phone number",
      bad: send({ recipient: { id: "604-444-1111" } }),
      field: "input.recipient.id",
      rule: "E164",
      good: [send({ recipient: { id: "+16044441111" } })],
    },
    {
      name: "BSUID_ONLY_RECIPIENT: a bare BSUID",
      bad: send({ recipient: { id: "US.13491208655302741918" } }),
      field: "input.recipient.id",
      rule: "BSUID_ONLY_RECIPIENT",
    },
    {
      name: "BSUID_ONLY_RECIPIENT: a BSUID written as Connectly's bsuid: number",
      bad: send({ recipient: { id: "bsuid:US.13491208655302741918" } }),
      field: "input.recipient.id",
      rule: "BSUID_ONLY_RECIPIENT",
    },
    { name: "NO_NUL: a recipient with NUL", bad: send({ recipient: { id: "+1604444\u00001111" } }), field: "input.recipient.id", rule: "NO_NUL" },
    {
      name: "MAX_LENGTH: a recipient name of 257 characters",
      bad: send({ recipient: { id: "+5511988887777", name: str(257) } }),
      field: "input.recipient.name",
      rule: "MAX_LENGTH",
      good: [send({ recipient: { id: "+5511988887777", name: str(256, "👍") } })],
    },
    {
      name: "NOT_BLANK: a blank recipient name",
      bad: send({ recipient: { id: "+5511988887777", name: "  " } }),
      field: "input.recipient.name",
      rule: "NOT_BLANK",
    },
    {
      name: "E164: a sender that is no phone number",
      bad: send({ sender: { id: "5550001111" } }),
      field: "input.sender.id",
      rule: "E164",
      good: [send({ sender: { id: "+15550001111" } }), send({ sender: null })],
    },
    {
      name: "CALLBACK_DATA_SIZE: callbackData of 1025 bytes",
      bad: send({ callbackData: { note: `${padded.note}a` } }),
      field: "input.callbackData",
      rule: "CALLBACK_DATA_SIZE",
      good: [send({ callbackData: padded }), send({ callbackData: null })],
    },
    {
      name: "CALLBACK_DATA_NUMBER: an integer JSON cannot keep",
      bad: send({ callbackData: { n: 2 ** 53 } }),
      field: "input.callbackData.n",
      rule: "CALLBACK_DATA_NUMBER",
      good: [send({ callbackData: { n: 2 ** 53 - 1 } })],
    },
    { name: "NO_NUL: callbackData holding NUL", bad: send({ callbackData: { note: "a\u0000" } }), field: "input.callbackData.note", rule: "NO_NUL" },
    {
      name: "MAX_LENGTH: a campaignName of 129 characters",
      bad: send({ campaignName: str(129) }),
      field: "input.campaignName",
      rule: "MAX_LENGTH",
      good: [send({ campaignName: str(128) })],
    },
    {
      name: "MESSAGE_ID_FORMAT: a messageId with a space",
      bad: send({ messageId: "order 1" }),
      field: "input.messageId",
      rule: "MESSAGE_ID_FORMAT",
      good: [send({ messageId: `campaign-7:ana.${str(113)}` })],
    },
  ]);
});

// ---- the template's structure -----------------------------------------------------------------------

describe("the template's name and language", () => {
  testRules([
    {
      name: "TEMPLATE_NAME: upper-case letters",
      bad: send({ template: tpl("Order_Ready", "pt_BR") }),
      field: "input.template.name",
      rule: "TEMPLATE_NAME",
      good: [send({ template: tpl(str(512), "pt_BR") }), send({ template: tpl("a_1", "pt_BR") })],
    },
    { name: "TEMPLATE_NAME: 513 characters", bad: send({ template: tpl(str(513), "pt_BR") }), field: "input.template.name", rule: "TEMPLATE_NAME" },
    { name: "TEMPLATE_NAME: empty", bad: send({ template: tpl("", "pt_BR") }), field: "input.template.name", rule: "TEMPLATE_NAME" },
    { name: "NO_NUL: a name with NUL", bad: send({ template: tpl("order\u0000", "pt_BR") }), field: "input.template.name", rule: "NO_NUL" },
    {
      name: "TEMPLATE_LANGUAGE: a language name instead of a code",
      bad: send({ template: tpl("thanks", "english") }),
      field: "input.template.language",
      rule: "TEMPLATE_LANGUAGE",
      good: ["en", "pt_BR", "pt-BR", "zh_Hant", "fil"].map((language) => send({ template: tpl("thanks", language) })),
    },
    {
      name: "TEMPLATE_LANGUAGE: a region too long",
      bad: send({ template: tpl("thanks", "en_ABCDEFGHI") }),
      field: "input.template.language",
      rule: "TEMPLATE_LANGUAGE",
    },
    {
      name: "UNPAIRED_SURROGATE: a language with a lone surrogate",
      bad: send({ template: tpl("thanks", "en\ud800") }),
      field: "input.template.language",
      rule: "UNPAIRED_SURROGATE",
    },
  ]);
});

describe("parameter names", () => {
  testRules([
    ...["footer", "body_0", "body_101", "body_01", "button_0_url", "button_11_url", "button_1", "var1", "Body_1", ""].map((name): RuleCase => ({
      name: `TEMPLATE_PARAMETER_NAME: "${name}"`,
      bad: withParameters([p(name, "x")]),
      field: "input.template.parameters[0].name",
      rule: "TEMPLATE_PARAMETER_NAME",
    })),
    {
      name: "TEMPLATE_PARAMETER_NAME: the ends of the ranges pass",
      bad: withParameters([p("body_1", "x"), p("body_1000", "x")]),
      field: "input.template.parameters[1].name",
      rule: "TEMPLATE_PARAMETER_NAME",
      good: [withParameters([p("body_1", "x"), p("body_100", "x"), p("button_1_url", "x"), p("button_10_url", "x")])],
    },
    {
      name: "TEMPLATE_PARAMETER_DUPLICATE: body_1 twice",
      bad: withParameters([p("body_1", "Ana"), p("body_2", "A1"), p("body_1", "Bia")]),
      field: "input.template.parameters[2].name",
      rule: "TEMPLATE_PARAMETER_DUPLICATE",
      good: [withParameters([p("body_1", "Ana"), p("body_2", "Ana")])],
    },
    { name: "NO_NUL: a name with NUL", bad: withParameters([p("body_1\u0000", "x")]), field: "input.template.parameters[0].name", rule: "NO_NUL" },
    {
      name: "UNPAIRED_SURROGATE: a name with a lone surrogate",
      bad: withParameters([p("\udc00", "x")]),
      field: "input.template.parameters[0].name",
      rule: "UNPAIRED_SURROGATE",
    },
  ]);

  it("NO_NUL: the value of a parameter with an unknown name is still checked", () => {
    expect(validate(withParameters([p("footer", "a\u0000")])).map((i) => [i.field, i.rule])).toEqual([
      ["input.template.parameters[0].name", "TEMPLATE_PARAMETER_NAME"],
      ["input.template.parameters[0].value", "NO_NUL"],
    ]);
  });

  it("an unknown name is refused once, not also as a duplicate", () => {
    expect(validate(withParameters([p("footer", "x"), p("footer", "y")])).map((i) => i.rule)).toEqual(["TEMPLATE_PARAMETER_NAME", "TEMPLATE_PARAMETER_NAME"]);
  });
});

describe("parameter values by kind", () => {
  const one = (name: string, value: string, filename?: string | null) => withParameters([p(name, value, filename)]);
  const field = "input.template.parameters[0].value";
  testRules([
    {
      name: "header_text: MAX_LENGTH at 61 characters",
      bad: one("header_text", str(61)),
      field,
      rule: "MAX_LENGTH",
      good: [one("header_text", str(60, "👍"))],
    },
    { name: "header_text: NOT_BLANK", bad: one("header_text", " "), field, rule: "NOT_BLANK", good: [one("header_text", "a")] },
    { name: "header_text: TEMPLATE_PARAMETER_TEXT for a second line", bad: one("header_text", "Ana\nMaria"), field, rule: "TEMPLATE_PARAMETER_TEXT" },
    { name: "header_text: TEMPLATE_PARAMETER_TEXT for a carriage return", bad: one("header_text", "Ana\r"), field, rule: "TEMPLATE_PARAMETER_TEXT" },
    {
      name: "header_text: UNPAIRED_SURROGATE",
      bad: one("header_text", "Ana\ud83d"),
      field,
      rule: "UNPAIRED_SURROGATE",
      good: [one("header_text", "Ana \ud83d\ude00")],
    },
    { name: "body_n: MAX_LENGTH at 1025 characters", bad: one("body_1", str(1025)), field, rule: "MAX_LENGTH", good: [one("body_1", str(1024, "é"))] },
    { name: "body_n: NOT_BLANK", bad: one("body_2", ""), field, rule: "NOT_BLANK" },
    { name: "body_n: TEMPLATE_PARAMETER_TEXT for a tab", bad: one("body_1", "Ana\tMaria"), field, rule: "TEMPLATE_PARAMETER_TEXT" },
    { name: "body_n: TEMPLATE_PARAMETER_TEXT for a new line", bad: one("body_1", "Ana\nMaria"), field, rule: "TEMPLATE_PARAMETER_TEXT" },
    {
      name: "body_n: TEMPLATE_PARAMETER_TEXT for five spaces in a row",
      bad: one("body_1", "Ana     Maria"),
      field,
      rule: "TEMPLATE_PARAMETER_TEXT",
      good: [one("body_1", "Ana    Maria  and    Bia")],
    },
    { name: "body_n: NO_NUL", bad: one("body_100", "A\u0000"), field, rule: "NO_NUL" },
    {
      name: "header_image: HTTP_URL without a scheme",
      bad: one("header_image", "cdn.example.com/p.png"),
      field,
      rule: "HTTP_URL",
      good: [one("header_image", "http://cdn.example.com/p.png")],
    },
    { name: "header_image: PUBLIC_HTTP_URL for a loopback address", bad: one("header_image", "http://127.0.0.1/p.png"), field, rule: "PUBLIC_HTTP_URL" },
    { name: "header_video: PUBLIC_HTTP_URL for localhost", bad: one("header_video", "https://localhost/v.mp4"), field, rule: "PUBLIC_HTTP_URL" },
    { name: "header_video: PUBLIC_HTTP_URL with credentials", bad: one("header_video", "https://u:p@cdn.example.com/v.mp4"), field, rule: "PUBLIC_HTTP_URL" },
    { name: "header_document: HTTP_URL for ftp", bad: one("header_document", "ftp://cdn.example.com/i.pdf"), field, rule: "HTTP_URL" },
    {
      name: "header_document: MAX_LENGTH of a session attachment url (2048)",
      bad: one("header_document", `https://cdn.example.com/${str(2049 - 24)}`),
      field,
      rule: "MAX_LENGTH",
      good: [one("header_document", `https://cdn.example.com/${str(2048 - 24)}`)],
    },
    {
      name: "button_n_url: MAX_LENGTH at 2001 characters",
      bad: one("button_1_url", str(2001)),
      field,
      rule: "MAX_LENGTH",
      good: [one("button_10_url", str(2000))],
    },
    { name: "button_n_url: NOT_BLANK", bad: one("button_1_url", ""), field, rule: "NOT_BLANK" },
    {
      name: "button_n_url: TEMPLATE_BUTTON_URL for a space",
      bad: one("button_1_url", "A1 B2"),
      field,
      rule: "TEMPLATE_BUTTON_URL",
      good: [one("button_1_url", "A1B2?x=1#y")],
    },
    { name: "button_n_url: TEMPLATE_BUTTON_URL for a no-break space", bad: one("button_1_url", "A1\u00a0B2"), field, rule: "TEMPLATE_BUTTON_URL" },
  ]);
});

describe("filename", () => {
  const field = "input.template.parameters[0].filename";
  testRules([
    {
      name: "TEMPLATE_FILENAME_DOCUMENT_ONLY: on header_image",
      bad: withParameters([p("header_image", "https://cdn.example.com/p.png", "p.png")]),
      field,
      rule: "TEMPLATE_FILENAME_DOCUMENT_ONLY",
      good: [withParameters([p("header_image", "https://cdn.example.com/p.png", null)])],
    },
    { name: "TEMPLATE_FILENAME_DOCUMENT_ONLY: on body_1", bad: withParameters([p("body_1", "Ana", "a.txt")]), field, rule: "TEMPLATE_FILENAME_DOCUMENT_ONLY" },
    {
      name: "MAX_LENGTH: 241 characters on header_document",
      bad: withParameters([p("header_document", "https://cdn.example.com/i.pdf", `${str(237)}.pdf`)]),
      field,
      rule: "MAX_LENGTH",
      good: [withParameters([p("header_document", "https://cdn.example.com/i.pdf", `${str(236)}.pdf`)])],
    },
    { name: "NOT_BLANK: a blank filename", bad: withParameters([p("header_document", "https://cdn.example.com/i.pdf", " ")]), field, rule: "NOT_BLANK" },
    { name: "NO_NUL: a filename with NUL", bad: withParameters([p("header_document", "https://cdn.example.com/i.pdf", "i\u0000.pdf")]), field, rule: "NO_NUL" },
  ]);
});

describe("validateTemplateInput", () => {
  it("names fields under the path given, every issue in input order", () => {
    const template = tpl("order_ready", "pt_BR", [p("body_1", "a\tb"), p("header_image", "x"), p("body_1", "c")]);
    expect(validateTemplateInput(template, "inputs[2].template")).toEqual([
      { field: "inputs[2].template.parameters[0].value", rule: "TEMPLATE_PARAMETER_TEXT", message: startsWith("inputs[2].template.parameters[0].value") },
      { field: "inputs[2].template.parameters[1].value", rule: "HTTP_URL", message: startsWith("inputs[2].template.parameters[1].value") },
      { field: "inputs[2].template.parameters[2].name", rule: "TEMPLATE_PARAMETER_DUPLICATE", message: startsWith("inputs[2].template.parameters[2].name") },
    ]);
  });

  it("refuses a value of the wrong type (a caller other than GraphQL) as TYPE", () => {
    const template = { name: "thanks", language: "en", parameters: [{ name: "body_1", value: 7 }] } as unknown as TemplateInput;
    expect(validateTemplateInput(template, "input.template")[0]).toMatchObject({ field: "input.template.parameters[0].value", rule: "TYPE" });
  });
});

// ---- a session send's fallbackTemplate --------------------------------------------------------------

describe("a session send's fallbackTemplate", () => {
  type SessionInput = Parameters<typeof validateSendSessionMessageInput>[0];
  const session = (fallbackTemplate: unknown) =>
    validateSendSessionMessageInput({
      businessId: "biz",
      recipient: { id: "+16044441111" },
      content: { text: "hi" },
      fallbackTemplate,
    } as unknown as SessionInput);

  it("passes when valid or absent", () => {
    expect(session(ORDER_READY)).toEqual([]);
    expect(session(null)).toEqual([]);
    expect(session(undefined)).toEqual([]);
  });

  it.each([
    ["TEMPLATE_NAME", tpl("Order Ready", "pt_BR"), "input.fallbackTemplate.name"],
    ["TEMPLATE_LANGUAGE", tpl("thanks", "e"), "input.fallbackTemplate.language"],
    ["TEMPLATE_PARAMETER_TEXT", replacing("body_1", p("body_1", "Ana\nMaria")), "input.fallbackTemplate.parameters[1].value"],
    ["PUBLIC_HTTP_URL", replacing("header_image", p("header_image", "http://10.0.0.1/p.png")), "input.fallbackTemplate.parameters[0].value"],
    ["TEMPLATE_PARAMETER_DUPLICATE", tpl("thanks", "en", [p("body_1", "a"), p("body_1", "b")]), "input.fallbackTemplate.parameters[1].name"],
  ])("refuses %s at its field", (rule, template, field) => {
    expect(session(template)[0]).toEqual({ field, rule, message: startsWith(field) });
  });
});

// ---- against the catalog ----------------------------------------------------------------------------

const PATH = "input.template";
const check = (template: TemplateInput, path = PATH) => checkTemplateAgainstCatalog(template, CATALOG, path);

describe("checkTemplateAgainstCatalog", () => {
  it.each(Object.entries(VALID))("passes a valid send of %s", (_name, template) => {
    expect(check(template)).toEqual([]);
    // The order of the parameters does not matter.
    expect(check({ ...template, parameters: [...(template.parameters ?? [])].reverse() })).toEqual([]);
  });

  it("TEMPLATE_UNKNOWN: no template of that name, at name", () => {
    const issues = check(tpl("no_such_template", "en"));
    expect(issues).toEqual([{ field: "input.template.name", rule: "TEMPLATE_UNKNOWN", message: startsWith("input.template.name") }]);
    expect(issues[0]!.message).toContain("no_such_template");
    expect(checkTemplateAgainstCatalog(ORDER_READY, [], PATH)[0]?.rule).toBe("TEMPLATE_UNKNOWN");
  });

  it("TEMPLATE_LANGUAGE_UNKNOWN: the name but not the language, at language, listing the languages it has", () => {
    const [issue] = check({ ...ORDER_READY, language: "fr" });
    expect(issue).toEqual({ field: "input.template.language", rule: "TEMPLATE_LANGUAGE_UNKNOWN", message: startsWith("input.template.language") });
    expect(issue!.message).toMatch(/order_ready/);
    expect(issue!.message).toMatch(/pt_BR and en_US/);
    // A near spelling is pointed at the one the catalog has.
    expect(check({ ...ORDER_READY, language: "pt-br" })[0]?.message).toMatch(/use pt_BR/);
  });

  it("TEMPLATE_NOT_APPROVED: a PENDING template, at name, saying its status", () => {
    const issues = check(tpl("summer_sale", "en", [p("body_1", "10%")]));
    expect(issues).toEqual([{ field: "input.template.name", rule: "TEMPLATE_NOT_APPROVED", message: startsWith("input.template.name") }]);
    expect(issues[0]!.message).toMatch(/summer_sale \(en\).*PENDING/);
  });

  it("TEMPLATE_NOT_APPROVED: a REJECTED template, saying why it was rejected", () => {
    const [issue] = check(tpl("spam_offer", "en", [p("body_1", "$1")]));
    expect(issue).toMatchObject({ field: "input.template.name", rule: "TEMPLATE_NOT_APPROVED" });
    expect(issue!.message).toMatch(/spam_offer \(en\).*REJECTED.*INVALID_FORMAT/);
  });

  it("TEMPLATE_NOT_APPROVED: a status Connectly's documentation does not name, as Connectly gave it", () => {
    const paused: CatalogTemplate = { ...CATALOG[5]!, status: "UNKNOWN", connectlyStatus: "MESSAGE_TEMPLATE_STATUS_PAUSED" };
    const [issue] = checkTemplateAgainstCatalog(VALID.thanks!, [paused], PATH);
    expect(issue).toMatchObject({ field: "input.template.name", rule: "TEMPLATE_NOT_APPROVED" });
    expect(issue!.message).toContain("MESSAGE_TEMPLATE_STATUS_PAUSED");
  });

  it("TEMPLATE_PARAMETER_MISSING: each expected parameter not given, at parameters", () => {
    const issues = check({ ...ORDER_READY, parameters: ORDER_READY.parameters!.filter((q) => q.name !== "body_2" && q.name !== "button_1_url") });
    expect(issues.map((i) => [i.field, i.rule])).toEqual([
      ["input.template.parameters", "TEMPLATE_PARAMETER_MISSING"],
      ["input.template.parameters", "TEMPLATE_PARAMETER_MISSING"],
    ]);
    expect(issues[0]!.message).toMatch(/^input\.template\.parameters lacks body_2, which order_ready \(pt_BR\) expects/);
    expect(issues[1]!.message).toMatch(/button_1_url/);
    expect(check(tpl("welcome_back", "en"))).toHaveLength(2);
  });

  const unexpected: [string, TemplateInput, number, RegExp][] = [
    [
      "a video for an image header",
      replacing("header_image", p("header_video", "https://cdn.example.com/v.mp4")),
      0,
      /the header of order_ready is an image: use header_image/,
    ],
    [
      "an image for a text header",
      tpl("welcome_back", "en", [p("header_image", "https://cdn.example.com/p.png"), p("body_1", "Ann")]),
      0,
      /is text: use header_text/,
    ],
    ["a text for a video header", tpl("appointment_video", "en", [p("header_text", "Hi"), p("body_1", "May 3")]), 0, /is a video: use header_video/],
    ["a header on a template without one", tpl("thanks", "en", [p("header_document", "https://cdn.example.com/i.pdf")]), 0, /thanks has no header/],
    [
      "a third body variable of two",
      { ...ORDER_READY, parameters: [...ORDER_READY.parameters!, p("body_3", "x")] },
      4,
      /has 2 variables: give body_1 and body_2/,
    ],
    ["a body variable on a body without any", tpl("thanks", "en", [p("body_1", "x")]), 0, /the body of thanks has no variables/],
    [
      "button_1_url where button 1 is a phone number",
      tpl("invoice_ready", "en", [...VALID.invoice_ready!.parameters!.slice(0, 3), p("button_1_url", "7")]),
      3,
      /button 1 of invoice_ready is a phone-number button: use button_2_url/,
    ],
    ["a button past the last", { ...VALID.welcome_back!, parameters: [...VALID.welcome_back!.parameters!, p("button_3_url", "x")] }, 2, /only 2 buttons/],
    ["a URL for a quick reply", { ...VALID.welcome_back!, parameters: [...VALID.welcome_back!.parameters!, p("button_1_url", "x")] }, 2, /quick-reply button/],
  ];
  it.each(unexpected)("TEMPLATE_PARAMETER_UNEXPECTED: %s, at its name, saying what it expects instead", (_what, template, index, says) => {
    const [issue] = check(template);
    const field = `input.template.parameters[${index}].name`;
    expect(issue).toEqual({ field, rule: "TEMPLATE_PARAMETER_UNEXPECTED", message: startsWith(field) });
    expect(issue!.message).toMatch(says);
  });

  it("a wrong kind of header is also reported as the one missing, after the unexpected one", () => {
    const issues = check(replacing("header_image", p("header_video", "https://cdn.example.com/v.mp4")));
    expect(issues.map((i) => i.rule)).toEqual(["TEMPLATE_PARAMETER_UNEXPECTED", "TEMPLATE_PARAMETER_MISSING"]);
  });

  it("TEMPLATE_PARAMETER_UNEXPECTED: a fixed URL button takes no value", () => {
    const fixed: CatalogTemplate = { ...CATALOG[5]!, components: [body("Thanks."), buttons(urlButton("Help", "https://shop.example.com/help"))] };
    const [issue] = checkTemplateAgainstCatalog(tpl("thanks", "en", [p("button_1_url", "x")]), [fixed], PATH);
    expect(issue).toMatchObject({ field: "input.template.parameters[0].name", rule: "TEMPLATE_PARAMETER_UNEXPECTED" });
    expect(issue!.message).toMatch(/is fixed \(https:\/\/shop\.example\.com\/help\)/);
  });

  const BUTTON_BASE = "https://shop.example.com/orders/";
  it("TEMPLATE_BUTTON_URL: the completed URL over 2000 characters, at the value", () => {
    const at = (value: string) => check(replacing("button_1_url", p("button_1_url", value)));
    const [issue] = at(str(2001 - BUTTON_BASE.length));
    expect(issue).toEqual({
      field: "input.template.parameters[3].value",
      rule: "TEMPLATE_BUTTON_URL",
      message: startsWith("input.template.parameters[3].value"),
    });
    expect(issue!.message).toMatch(/button 1 of order_ready \(pt_BR\).*2001 characters/);
    expect(at(str(2000 - BUTTON_BASE.length))).toEqual([]);
  });

  it("TEMPLATE_BUTTON_URL: a value that makes the URL invalid", () => {
    const [issue] = check(replacing("button_1_url", p("button_1_url", "A1\\B2")));
    expect(issue).toMatchObject({ field: "input.template.parameters[3].value", rule: "TEMPLATE_BUTTON_URL" });
    expect(issue!.message).toContain(BUTTON_BASE);
    const whole: CatalogTemplate = {
      ...CATALOG[5]!,
      components: [body("Thanks."), buttons(urlButton("Open", "{{1}}"))],
      parameters: [spec("button_1_url", "BUTTON_URL")],
    };
    const link = (value: string) => checkTemplateAgainstCatalog(tpl("thanks", "en", [p("button_1_url", value)]), [whole], PATH);
    expect(link("shop.example.com/o/1")[0]?.rule).toBe("TEMPLATE_BUTTON_URL");
    expect(link("https://shop.example.com/o/1")).toEqual([]);
  });

  it("TEMPLATE_BODY_LENGTH: the body with its values over 1024 characters, at parameters", () => {
    const fixed = "Oi , seu pedido  chegou.".length;
    const bodyOf = (a: number, b: number) =>
      check({
        ...ORDER_READY,
        parameters: [...ORDER_READY.parameters!.filter((q) => !q.name.startsWith("body_")), p("body_1", str(a)), p("body_2", str(b, "👍"))],
      });
    const issues = bodyOf(600, 1024 - fixed - 600 + 1);
    expect(issues).toEqual([{ field: "input.template.parameters", rule: "TEMPLATE_BODY_LENGTH", message: startsWith("input.template.parameters") }]);
    expect(issues[0]!.message).toMatch(/order_ready \(pt_BR\) to 1025 characters/);
    expect(bodyOf(600, 1024 - fixed - 600)).toEqual([]);
  });

  it("names fields under the path given (a session send's fallback)", () => {
    expect(check(tpl("no_such_template", "en"), "inputs[1].fallbackTemplate")[0]?.field).toBe("inputs[1].fallbackTemplate.name");
  });
});

// ---- properties -------------------------------------------------------------------------------------

const schema = sdlSchema();
const INPUT_RULES = new Set((schema.getType("InputRule") as GraphQLEnumType).getValues().map((v) => v.name));

/** Any string of code points: lone surrogates and NUL included, short or past every limit. */
const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
const special = fc.constantFrom("\u0000", "\ud800", "\udfff", "\t", "\n", "\r", " ", "\u00a0", "\\", "/", "{{1}}", "👍", "é");
const anyValue = fc.oneof(
  fc.string({ unit: codePoint, maxLength: 20 }),
  fc.string({ unit: fc.oneof(codePoint, special, fc.constantFrom("a", "b", "1")), maxLength: 40 }),
  fc.tuple(fc.oneof(special, fc.constant("a")), fc.integer({ min: 1, max: 2100 })).map(([unit, n]) => unit.repeat(n)),
  fc.constantFrom("https://cdn.example.com/p.png", "http://127.0.0.1/x", "A1B2", "", "  "),
);
const anyName = fc.oneof(
  fc.constantFrom("header_text", "header_image", "header_video", "header_document", "body_1", "body_2", "body_100", "button_1_url", "button_2_url"),
  fc.constantFrom("body_3", "button_3_url", "footer", "body_0", ""),
  fc.string({ unit: codePoint, maxLength: 8 }),
);

// ---- a generated template and a valid send of it ------------------------------------------------------

/** NUL or a lone surrogate (with the u flag, \p{Cs} matches only unpaired ones). */
const hasBadUnits = (s: string): boolean => s.includes("\u0000") || /\p{Cs}/u.test(s);
const cleanText = (s: string): string => s.replace(/[\t\r\n]/g, "-").replace(/ {5,}/g, "    ");
/** A text value of 1 to `max` code points that WhatsApp takes in a template parameter. */
const textValue = (max: number) =>
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: Math.floor(max / 2) })
    .map(cleanText)
    .filter((s) => s.trim().length > 0 && !hasBadUnits(s) && [...s].length <= max);
const mediaUrl = fc
  .tuple(fc.constantFrom("https://cdn.example.com", "http://media.example.org", "https://93.184.216.34"), fc.stringMatching(/^[A-Za-z0-9._~-]{0,30}$/))
  .map(([host, path]) => `${host}/${path}`);
const urlSuffix = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).filter((s) => !/[\s\\]/u.test(s) && !hasBadUnits(s));

type Header = { format: "TEXT"; variable: boolean } | { format: "IMAGE" | "VIDEO" | "DOCUMENT" };
const header: fc.Arbitrary<Header | null> = fc.option(
  fc.oneof(
    fc.record({ format: fc.constant("TEXT" as const), variable: fc.boolean() }),
    fc.record({ format: fc.constantFrom("IMAGE" as const, "VIDEO" as const, "DOCUMENT" as const) }),
  ),
);
const button: fc.Arbitrary<TemplateButton> = fc.oneof(
  fc.constant(quickReply("Yes")),
  fc.constant(phoneButton("Call", "+15550001111")),
  fc.constant(urlButton("Help", "https://shop.example.com/help")),
  fc.constant(urlButton("Track", "https://shop.example.com/o/{{1}}")),
);

/** The parameters a template expects, derived as the brief says: header, body {{1}}..{{n}}, then URL buttons with {{1}} (counting all buttons). */
function expected(h: Header | null, bodyVariables: number, list: readonly TemplateButton[]): TemplateParameterSpec[] {
  const head =
    h == null
      ? []
      : h.format !== "TEXT"
        ? [spec(`header_${h.format.toLowerCase()}`, `HEADER_${h.format}`)]
        : h.variable
          ? [spec("header_text", "HEADER_TEXT")]
          : [];
  const bodies = Array.from({ length: bodyVariables }, (_, i) => spec(`body_${i + 1}`, "BODY_TEXT"));
  const urls = list.flatMap((b, i) => (b.type === "URL" && b.url?.includes("{{1}}") ? [spec(`button_${i + 1}_url`, "BUTTON_URL")] : []));
  return [...head, ...bodies, ...urls];
}

const valueOf = (kind: TemplateParameterSpec["kind"]): fc.Arbitrary<{ value: string; filename?: string }> => {
  switch (kind) {
    case "HEADER_TEXT":
      return textValue(60).map((value) => ({ value }));
    case "BODY_TEXT":
      return textValue(80).map((value) => ({ value }));
    case "BUTTON_URL":
      return urlSuffix.map((value) => ({ value }));
    case "HEADER_DOCUMENT":
      return fc
        .tuple(mediaUrl, fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/), { nil: undefined }))
        .map(([value, filename]) => (filename ? { value, filename } : { value }));
    default:
      return mediaUrl.map((value) => ({ value }));
  }
};

const generatedSend = fc
  .record({
    name: fc.stringMatching(/^[a-z0-9_]{1,40}$/),
    language: fc.stringMatching(/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$/),
    header,
    bodyVariables: fc.integer({ min: 0, max: 10 }),
    words: fc.array(fc.stringMatching(/^[A-Za-z,.]{1,8}$/), { minLength: 1, maxLength: 6 }),
    buttons: fc.array(button, { maxLength: 10 }),
  })
  .chain(({ name, language, header: h, bodyVariables, words, buttons: list }) => {
    const bodyText = [words.join(" "), ...Array.from({ length: bodyVariables }, (_, i) => `{{${i + 1}}}`)].join(" ");
    const components = [
      ...(h == null ? [] : [h.format === "TEXT" ? textHeader(h.variable ? "Hi {{1}}" : "Hello") : mediaHeader(h.format)]),
      body(bodyText),
      ...(list.length > 0 ? [buttons(...list)] : []),
    ];
    const parameters = expected(h, bodyVariables, list);
    const entry = catalogTemplate("1", name, language, "UTILITY", components, parameters);
    const values = fc.tuple(...parameters.map((s) => valueOf(s.kind).map((v): TemplateParameterInput => ({ name: s.name, ...v }))));
    return values.chain((given) => fc.shuffledSubarray(given, { minLength: given.length })).map((given) => ({ entry, parameters: given }));
  });

describe("properties", () => {
  it("any value of any parameter never throws, and is accepted or refused with an InputRule of the SDL", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: anyName, value: anyValue, filename: fc.option(anyValue, { nil: undefined }) }, { requiredKeys: ["name", "value"] }), {
          maxLength: 5,
        }),
        fc.constantFrom(...CATALOG.map((t) => [t.name, t.language] as const)),
        (parameters: TemplateParameterInput[], [name, language]) => {
          const template: TemplateInput = { name, language, parameters };
          const structural = validateTemplateInput(template, PATH);
          const issues = structural.length > 0 ? structural : check(template);
          for (const issue of issues) {
            expect(INPUT_RULES.has(issue.rule)).toBe(true);
            expect(issue.message.startsWith(`${issue.field} `)).toBe(true);
            expect(issue.field.startsWith(PATH)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("a valid template input passes the structural rules and its own catalog entry", () => {
    fc.assert(
      fc.property(generatedSend, ({ entry, parameters }) => {
        const template: TemplateInput = { name: entry.name, language: entry.language, parameters };
        expect(validateTemplateInput(template, PATH)).toEqual([]);
        expect(checkTemplateAgainstCatalog(template, [entry], PATH)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
