/**
 * The sandbox's own reading of Connectly's contract (src/sandbox/contract.ts): the reference's
 * examples pass as they are written, and each rule refuses a body that breaks it, naming the field.
 * The same for the templated-messages body (templateBodyProblems). A last block checks the sandbox
 * answers a refused body with 400 and Connectly's error object.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { sendBodyProblems, templateBodyProblems } from "../src/sandbox/contract.js";
import { startSandbox, type Sandbox } from "../src/sandbox/sandbox.js";

const sender = { id: "+14151111234", channelType: "whatsapp" };
const recipient = { id: "+16044441111", channelType: "whatsapp" };
const body = (message: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ sender, recipient, message, ...extra });

const listMessage = {
  header: { text: "How can we help?" },
  footer: { text: "Choose an option below." },
  button: { text: "Select" },
  sections: [
    {
      title: "Support",
      rows: [
        { id: "1", text: "Track my order", description: "Get your order status" },
        { id: "2", text: "Returns & refunds", description: "Start a return" },
      ],
    },
    { title: "Sales", rows: [{ id: "3", text: "Talk to sales", description: "Speak with our team" }] },
  ],
};
const replyButtonMessage = {
  header: { text: "Appointment reminder" },
  footer: { text: "Tap a button to respond." },
  buttons: [
    { id: "confirm", text: "Confirm ✓" },
    { id: "reschedule", text: "Reschedule" },
    { id: "cancel", text: "Cancel" },
  ],
};
const singleProductMessage = { footer: { text: "Tap to view" }, catalogId: "cat-1", productItem: { productRetailerId: "sku-42" } };
const multiProductMessage = {
  header: { text: "Our picks" },
  footer: { text: "Prices include tax" },
  catalogId: "cat-1",
  sections: [
    { title: "Shoes", productItems: [{ productRetailerId: "sku-1" }, { productRetailerId: "sku-2" }] },
    { title: "Hats", productItems: [{ productRetailerId: "sku-3" }] },
  ],
};

// The reference's examples as written, plus the parts it describes in its tables.
const valid: Record<string, unknown> = {
  text: body({ text: "Hello, how can we help you today?" }),
  "image attachment": body({ attachments: [{ type: "image", url: "https://example.com/image.jpg", caption: "Check this out!" }] }),
  "video attachment": body({ attachments: [{ type: "video", url: "https://example.com/video.mp4", caption: "Watch this!" }] }),
  "audio attachment": body({ attachments: [{ type: "audio", url: "https://example.com/audio.mp3" }] }),
  "document attachment": body({
    attachments: [{ type: "document", url: "https://example.com/invoice.pdf", caption: "Your invoice", filename: "invoice.pdf" }],
  }),
  location: body({ location: { latitude: 37.7749, longitude: -122.4194, name: "Connectly HQ", address: "123 Main St, San Francisco" } }),
  "list message": body({ listMessage }),
  "list message with a media header and text": body({
    text: "Pick one",
    listMessage: { ...listMessage, header: { attachment: { type: "image", url: "https://cdn.connectly.ai/your-image.png" } } },
  }),
  "reply buttons": body({ text: "Would you like to confirm your appointment?", replyButtonMessage }),
  "reply buttons with a document header": body({
    text: "Here is the menu",
    replyButtonMessage: { ...replyButtonMessage, header: { attachment: { type: "document", url: "https://example.com/menu.pdf", filename: "menu.pdf" } } },
  }),
  "single product": body({ singleProductMessage }),
  "single product with text": body({ text: "Back in stock", singleProductMessage }),
  "multi product": body({ text: "Chosen for you", multiProductMessage }),
  "callbackData, no sender": { recipient, message: { text: "Your order is on its way!" }, callbackData: { order_id: "12345" } },
  "every optional field": body(
    { id: "01FPW47QF69Y5JZH24605VAKQB", text: "Hello from our support line!", isEcho: false },
    {
      sender: { ...sender, name: "Support" },
      recipient: { ...recipient, name: "Ada", userId: "US.13491208655302741918" },
      campaignName: "test_campaign_2022-03-12",
      order: { parentId: "01FPW47QF69Y5JZH24605VAKQB", strategy: "short_circuit" },
      callbackData: "x".repeat(1022),
    },
  ),
};

describe("bodies the reference shows pass", () => {
  it.each(Object.entries(valid))("%s", (_name, b) => {
    expect(sendBodyProblems(b)).toEqual([]);
  });
});

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, text: `Row ${from + i}` }));
const products = (n: number) => Array.from({ length: n }, (_, i) => ({ productRetailerId: `sku-${i}` }));
const list = (over: Record<string, unknown>) => body({ listMessage: { ...listMessage, ...over } });
const buttons = (over: Record<string, unknown>) => body({ text: "Confirm?", replyButtonMessage: { ...replyButtonMessage, ...over } });
const multi = (over: Record<string, unknown>, text: unknown = "Chosen for you") => body({ text, multiProductMessage: { ...multiProductMessage, ...over } });

// [what, body, field, rule]
const refusals: [string, unknown, string, string][] = [
  ["a body that is not an object", [1, 2], "body", "TYPE"],
  ["an unknown top-level field", { ...body({ text: "hi" }), priority: "high" }, "body.priority", "UNKNOWN_FIELD"],
  ["no recipient", { message: { text: "hi" } }, "recipient", "REQUIRED"],
  ["no recipient.id", body({ text: "hi" }, { recipient: { channelType: "whatsapp" } }), "recipient.id", "REQUIRED"],
  ["a recipient.id that is not E.164", body({ text: "hi" }, { recipient: { ...recipient, id: "6044441111" } }), "recipient.id", "E164"],
  ["a bare BSUID as recipient.id", body({ text: "hi" }, { recipient: { ...recipient, id: "US.13491208655302741918" } }), "recipient.id", "BSUID_ONLY"],
  ["no recipient.channelType", body({ text: "hi" }, { recipient: { id: "+16044441111" } }), "recipient.channelType", "REQUIRED"],
  ["a recipient.channelType other than whatsapp", body({ text: "hi" }, { recipient: { ...recipient, channelType: "sms" } }), "recipient.channelType", "ENUM"],
  ["a recipient.userId that is not a BSUID", body({ text: "hi" }, { recipient: { ...recipient, userId: "+16044441111" } }), "recipient.userId", "BSUID"],
  ["a sender.id that is not E.164", body({ text: "hi" }, { sender: { id: "support" } }), "sender.id", "E164"],
  ["a sender.channelType other than whatsapp", body({ text: "hi" }, { sender: { ...sender, channelType: "sms" } }), "sender.channelType", "ENUM"],
  ["no message", { recipient }, "message", "REQUIRED"],
  ["a message without content", body({ id: "m1" }), "message", "ONE_CONTENT_TYPE"],
  ["a message with two content types", body({ text: "hi", location: { latitude: 1, longitude: 2 } }), "message", "ONE_CONTENT_TYPE"],
  ["text and an attachment", body({ text: "hi", attachments: [{ type: "image", url: "https://example.com/a.png" }] }), "message", "ONE_CONTENT_TYPE"],
  ["an unknown message field", body({ text: "hi", sticker: {} }), "message.sticker", "UNKNOWN_FIELD"],
  ["a referral (read-only)", body({ text: "hi", referral: { sourceId: "ad" } }), "message.referral", "READ_ONLY"],
  ["an empty message.id", body({ id: "", text: "hi" }), "message.id", "REQUIRED"],
  ["an isEcho that is not a boolean", body({ text: "hi", isEcho: "yes" }), "message.isEcho", "TYPE"],
  ["empty text", body({ text: "" }), "message.text", "REQUIRED"],
  ["text over 4096 characters", body({ text: "a".repeat(4097) }), "message.text", "MAX_LENGTH"],
  [
    "two attachments",
    body({
      attachments: [
        { type: "image", url: "https://example.com/a.png" },
        { type: "image", url: "https://example.com/b.png" },
      ],
    }),
    "message.attachments",
    "COUNT",
  ],
  ["no attachment in attachments", body({ attachments: [] }), "message.attachments", "COUNT"],
  [
    "an attachment type the reference does not list",
    body({ attachments: [{ type: "sticker", url: "https://example.com/a.webp" }] }),
    "message.attachments[0].type",
    "ENUM",
  ],
  ["an upper-case attachment type", body({ attachments: [{ type: "IMAGE", url: "https://example.com/a.png" }] }), "message.attachments[0].type", "ENUM"],
  ["an attachment without url", body({ attachments: [{ type: "image" }] }), "message.attachments[0].url", "REQUIRED"],
  ["an attachment url that is not http(s)", body({ attachments: [{ type: "image", url: "ftp://example.com/a.png" }] }), "message.attachments[0].url", "URL"],
  [
    "a filename on an image",
    body({ attachments: [{ type: "image", url: "https://example.com/a.png", filename: "a.png" }] }),
    "message.attachments[0].filename",
    "FILENAME_DOCUMENT_ONLY",
  ],
  [
    "a caption on audio",
    body({ attachments: [{ type: "audio", url: "https://example.com/a.mp3", caption: "listen" }] }),
    "message.attachments[0].caption",
    "NO_AUDIO_CAPTION",
  ],
  [
    "a caption over 1024 characters",
    body({ attachments: [{ type: "image", url: "https://example.com/a.png", caption: "c".repeat(1025) }] }),
    "message.attachments[0].caption",
    "MAX_LENGTH",
  ],
  ["a location without latitude", body({ location: { longitude: 2 } }), "message.location.latitude", "REQUIRED"],
  ["a latitude past 90", body({ location: { latitude: 90.5, longitude: 2 } }), "message.location.latitude", "RANGE"],
  ["a longitude past 180", body({ location: { latitude: 1, longitude: -181 } }), "message.location.longitude", "RANGE"],
  ["a latitude given as a string", body({ location: { latitude: "37.7", longitude: 2 } }), "message.location.latitude", "TYPE"],
  ["a list without button", body({ listMessage: { sections: listMessage.sections } }), "message.listMessage.button", "REQUIRED"],
  ["a list button over 20 characters", list({ button: { text: "b".repeat(21) } }), "message.listMessage.button.text", "MAX_LENGTH"],
  ["a list without sections", list({ sections: [] }), "message.listMessage.sections", "COUNT"],
  [
    "a list with 11 sections",
    list({ sections: Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, i) })) }),
    "message.listMessage.sections",
    "COUNT",
  ],
  [
    "a list with 11 rows in all",
    list({
      sections: [
        { title: "A", rows: rows(6) },
        { title: "B", rows: rows(5, 6) },
      ],
    }),
    "message.listMessage.sections",
    "COUNT",
  ],
  ["a list section without rows", list({ sections: [{ title: "A", rows: [] }] }), "message.listMessage.sections[0].rows", "COUNT"],
  [
    "an untitled section among several",
    list({ sections: [{ rows: rows(1) }, { title: "B", rows: rows(1, 1) }] }),
    "message.listMessage.sections[0].title",
    "REQUIRED",
  ],
  ["a section title over 24 characters", list({ sections: [{ title: "t".repeat(25), rows: rows(1) }] }), "message.listMessage.sections[0].title", "MAX_LENGTH"],
  [
    "a row title over 24 characters",
    list({ sections: [{ rows: [{ id: "1", text: "t".repeat(25) }] }] }),
    "message.listMessage.sections[0].rows[0].text",
    "MAX_LENGTH",
  ],
  [
    "a row description over 72 characters",
    list({ sections: [{ rows: [{ id: "1", text: "t", description: "d".repeat(73) }] }] }),
    "message.listMessage.sections[0].rows[0].description",
    "MAX_LENGTH",
  ],
  [
    "a row id over 200 characters",
    list({ sections: [{ rows: [{ id: "i".repeat(201), text: "t" }] }] }),
    "message.listMessage.sections[0].rows[0].id",
    "MAX_LENGTH",
  ],
  [
    "a repeated row id",
    list({
      sections: [
        { title: "A", rows: rows(1) },
        { title: "B", rows: rows(1) },
      ],
    }),
    "message.listMessage.sections[1].rows[0].id",
    "UNIQUE",
  ],
  [
    "a header with text and an attachment",
    list({ header: { text: "h", attachment: { type: "image", url: "https://example.com/a.png" } } }),
    "message.listMessage.header",
    "ONE_HEADER",
  ],
  ["a header text over 60 characters", list({ header: { text: "h".repeat(61) } }), "message.listMessage.header.text", "MAX_LENGTH"],
  [
    "an audio header",
    list({ header: { attachment: { type: "audio", url: "https://example.com/a.mp3" } } }),
    "message.listMessage.header.attachment.type",
    "ENUM",
  ],
  [
    "a filename on an image header",
    list({ header: { attachment: { type: "image", url: "https://example.com/a.png", filename: "a.png" } } }),
    "message.listMessage.header.attachment.filename",
    "FILENAME_DOCUMENT_ONLY",
  ],
  ["a footer over 60 characters", list({ footer: { text: "f".repeat(61) } }), "message.listMessage.footer.text", "MAX_LENGTH"],
  ["a footer given as a string", list({ footer: "Choose" }), "message.listMessage.footer", "TYPE"],
  ["interactive body text over 1024 characters", body({ text: "b".repeat(1025), listMessage }), "message.text", "MAX_LENGTH"],
  ["reply buttons without text", body({ replyButtonMessage }), "message.text", "REQUIRED"],
  ["four reply buttons", buttons({ buttons: [...replyButtonMessage.buttons, { id: "later", text: "Later" }] }), "message.replyButtonMessage.buttons", "COUNT"],
  ["no reply buttons", buttons({ buttons: [] }), "message.replyButtonMessage.buttons", "COUNT"],
  ["a button title over 20 characters", buttons({ buttons: [{ id: "1", text: "t".repeat(21) }] }), "message.replyButtonMessage.buttons[0].text", "MAX_LENGTH"],
  ["a button id over 256 characters", buttons({ buttons: [{ id: "i".repeat(257), text: "t" }] }), "message.replyButtonMessage.buttons[0].id", "MAX_LENGTH"],
  [
    "a repeated button id",
    buttons({
      buttons: [
        { id: "1", text: "a" },
        { id: "1", text: "b" },
      ],
    }),
    "message.replyButtonMessage.buttons[1].id",
    "UNIQUE",
  ],
  [
    "a single product without catalogId",
    body({ singleProductMessage: { productItem: { productRetailerId: "sku" } } }),
    "message.singleProductMessage.catalogId",
    "REQUIRED",
  ],
  ["a single product without productItem", body({ singleProductMessage: { catalogId: "cat-1" } }), "message.singleProductMessage.productItem", "REQUIRED"],
  [
    "a single product with a header",
    body({ singleProductMessage: { ...singleProductMessage, header: { text: "h" } } }),
    "message.singleProductMessage.header",
    "UNKNOWN_FIELD",
  ],
  ["a multi product without text", multi({}, null), "message.text", "REQUIRED"],
  ["a multi product without header", multi({ header: undefined }), "message.multiProductMessage.header", "REQUIRED"],
  ["a multi product section without title", multi({ sections: [{ productItems: products(1) }] }), "message.multiProductMessage.sections[0].title", "REQUIRED"],
  [
    "a multi product section without products",
    multi({ sections: [{ title: "A", productItems: [] }] }),
    "message.multiProductMessage.sections[0].productItems",
    "COUNT",
  ],
  [
    "31 products in all",
    multi({
      sections: [
        { title: "A", productItems: products(16) },
        { title: "B", productItems: products(15) },
      ],
    }),
    "message.multiProductMessage.sections",
    "COUNT",
  ],
  [
    "11 product sections",
    multi({ sections: Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, productItems: products(1) })) }),
    "message.multiProductMessage.sections",
    "COUNT",
  ],
  ["callbackData over 1024 bytes", body({ text: "hi" }, { callbackData: "x".repeat(1023) }), "callbackData", "CALLBACK_DATA_SIZE"],
  ["callbackData over 1024 bytes in UTF-8", body({ text: "hi" }, { callbackData: "é".repeat(512) }), "callbackData", "CALLBACK_DATA_SIZE"],
  ["a campaignName that is not a string", body({ text: "hi" }, { campaignName: 7 }), "campaignName", "TYPE"],
  ["an order strategy in upper case", body({ text: "hi" }, { order: { strategy: "SHORT_CIRCUIT" } }), "order.strategy", "ENUM"],
  ["an unknown order field", body({ text: "hi" }, { order: { parentId: "p", after: "x" } }), "order.after", "UNKNOWN_FIELD"],
];

describe("each rule refuses a body that breaks it", () => {
  it.each(refusals)("%s", (_what, b, field, rule) => {
    const problem = sendBodyProblems(b).find((p) => p.field === field && p.rule === rule);
    expect(problem, JSON.stringify(sendBodyProblems(b))).toBeDefined();
    // The message is a sentence that starts with the field.
    expect(problem!.message.startsWith(`${field} `) && problem!.message.endsWith(".")).toBe(true);
  });
});

describe("lengths count characters, not UTF-16 units", () => {
  it("takes 4096 emoji as text and refuses 4097", () => {
    expect(sendBodyProblems(body({ text: "👍".repeat(4096) }))).toEqual([]);
    expect(sendBodyProblems(body({ text: "👍".repeat(4097) }))).toMatchObject([{ field: "message.text", rule: "MAX_LENGTH" }]);
  });
});

describe("the sandbox answers a body that breaks the contract with 400 and Connectly's error object", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox?.close());

  const post = async (b: unknown) => {
    const response = await request(`${sandbox.url}/v1/businesses/biz/send/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": sandbox.apiKey },
      body: JSON.stringify(b),
    });
    return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
  };

  it("refuses a broken body, naming the field, and gives it no id", async () => {
    const answer = await post(
      body({
        attachments: [
          { type: "image", url: "https://example.com/a.png" },
          { type: "video", url: "https://example.com/b.mp4" },
        ],
      }),
    );
    expect(answer).toEqual({
      status: 400,
      body: {
        error: { type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_INVALID_REQUEST", message: "message.attachments must hold 1 attachment (got 2)." },
      },
    });
    expect(sandbox.requests.at(-1)).toMatchObject({ status: 400 });
    expect(sandbox.requests.at(-1)).not.toHaveProperty("id");
  });

  it("says callbackData is too large with its own code", async () => {
    const answer = await post(body({ text: "hi" }, { callbackData: "x".repeat(1100) }));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_CALLBACK_DATA_TOO_LARGE" });
  });

  it("accepts a valid body with an id", async () => {
    const answer = await post(valid["reply buttons"]);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(["id"]);
    expect(sandbox.requests.at(-1)).toMatchObject({ status: 200, id: answer.body.id });
  });
});

// The templated-messages body: the reference's example as written, and each rule of its field table.
const templateBody = (extra: Record<string, unknown> = {}) => ({ number: "+5511988887777", templateName: "order_ready", language: "pt_BR", ...extra });
const referenceTemplateBody = templateBody({
  sender: "+15550001111",
  parameters: [
    { name: "header_image", value: "https://cdn.example.com/p.png" },
    { name: "body_1", value: "Ana" },
    { name: "button_1_url", value: "A1B2" },
  ],
  callbackData: { ticket: "T-9" },
  campaignName: "pickup_notice",
});

describe("template bodies the reference shows pass", () => {
  it.each([
    ["the reference's example", referenceTemplateBody],
    ["only the required fields", templateBody()],
    ["no parameters (an empty list)", templateBody({ parameters: [] })],
    [
      "a document with its filename",
      templateBody({ parameters: [{ name: "header_document", value: "https://cdn.example.com/i.pdf", filename: "invoice.pdf" }] }),
    ],
    ["callbackData of 1024 bytes", templateBody({ callbackData: "x".repeat(1022) })],
    ["callbackData of any JSON kind", templateBody({ callbackData: [1, { a: null }, "b"] })],
  ])("%s", (_name, b) => {
    expect(templateBodyProblems(b)).toEqual([]);
  });

  it("takes any parameter names and string values: the catalog, not the contract, says which fit", () => {
    const parameter = fc.record({ name: fc.string({ minLength: 1 }), value: fc.string({ minLength: 1 }) }, { requiredKeys: ["name", "value"] });
    fc.assert(fc.property(fc.array(parameter, { maxLength: 20 }), (parameters) => templateBodyProblems(templateBody({ parameters })).length === 0));
  });
});

const TEMPLATE_FIELDS = ["number", "templateName", "language", "parameters", "sender", "callbackData", "campaignName"];

const templateRefusals: [string, unknown, string, string][] = [
  ["a body that is not an object", "order_ready", "body", "TYPE"],
  ["an array body", [templateBody()], "body", "TYPE"],
  ["no number", { templateName: "order_ready", language: "pt_BR" }, "number", "REQUIRED"],
  ["an empty number", templateBody({ number: "" }), "number", "REQUIRED"],
  ["a number that is not E.164", templateBody({ number: "5511988887777" }), "number", "E164"],
  ["a formatted number", templateBody({ number: "+1(604) 585 2331" }), "number", "E164"],
  ["a number given as a number", templateBody({ number: 5511988887777 }), "number", "TYPE"],
  ["no templateName", { number: "+5511988887777", language: "pt_BR" }, "templateName", "REQUIRED"],
  ["an empty templateName", templateBody({ templateName: "" }), "templateName", "REQUIRED"],
  ["no language", { number: "+5511988887777", templateName: "order_ready" }, "language", "REQUIRED"],
  ["a language given as an object", templateBody({ language: { code: "pt_BR" } }), "language", "TYPE"],
  ["parameters that are not an array", templateBody({ parameters: { body_1: "Ana" } }), "parameters", "TYPE"],
  ["a parameter that is not an object", templateBody({ parameters: ["Ana"] }), "parameters[0]", "TYPE"],
  ["a parameter without name", templateBody({ parameters: [{ value: "Ana" }] }), "parameters[0].name", "REQUIRED"],
  ["a parameter without value", templateBody({ parameters: [{ name: "body_1" }] }), "parameters[0].value", "REQUIRED"],
  ["a parameter value that is not a string", templateBody({ parameters: [{ name: "body_1", value: 7 }] }), "parameters[0].value", "TYPE"],
  [
    "a filename that is not a string",
    templateBody({ parameters: [{ name: "header_document", value: "https://x.example/a.pdf", filename: 1 }] }),
    "parameters[0].filename",
    "TYPE",
  ],
  ["an unknown parameter field", templateBody({ parameters: [{ name: "body_1", value: "Ana", type: "text" }] }), "parameters[0].type", "UNKNOWN_FIELD"],
  ["a sender object (the session endpoint's shape)", templateBody({ sender: { id: "+15550001111", channelType: "whatsapp" } }), "sender", "TYPE"],
  ["a sender that is not E.164", templateBody({ sender: "support" }), "sender", "E164"],
  ["callbackData over 1024 bytes", templateBody({ callbackData: "x".repeat(1023) }), "callbackData", "CALLBACK_DATA_SIZE"],
  ["a campaignName that is not a string", templateBody({ campaignName: ["a"] }), "campaignName", "TYPE"],
  ["the session endpoint's recipient", templateBody({ recipient: { id: "+5511988887777", channelType: "whatsapp" } }), "body.recipient", "UNKNOWN_FIELD"],
  ["an order (not a field of this endpoint)", templateBody({ order: { strategy: "independent" } }), "body.order", "UNKNOWN_FIELD"],
];

describe("each template body rule refuses a body that breaks it", () => {
  it.each(templateRefusals)("%s", (_what, b, field, rule) => {
    const problem = templateBodyProblems(b).find((p) => p.field === field && p.rule === rule);
    expect(problem, JSON.stringify(templateBodyProblems(b))).toBeDefined();
    expect(problem!.message.startsWith(`${field} `) && problem!.message.endsWith(".")).toBe(true);
  });

  it("refuses every field it does not know, and only those", () => {
    const unknown = fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !TEMPLATE_FIELDS.includes(k) && k !== "__proto__");
    fc.assert(
      fc.property(unknown, fc.jsonValue(), (key, value) => {
        const problems = templateBodyProblems({ ...templateBody(), [key]: value });
        return problems.length === 1 && problems[0]!.field === `body.${key}` && problems[0]!.rule === "UNKNOWN_FIELD";
      }),
    );
  });

  it("takes a number as E.164 exactly: a plus, a non-zero digit, then 1 to 14 digits", () => {
    fc.assert(fc.property(fc.stringMatching(/^\+[1-9][0-9]{1,14}$/), (number) => templateBodyProblems(templateBody({ number })).length === 0));
    fc.assert(
      fc.property(
        fc.string().filter((n) => !/^\+[1-9][0-9]{1,14}$/.test(n) && n !== ""),
        (number) => templateBodyProblems(templateBody({ number })).some((p) => p.field === "number" && p.rule === "E164"),
      ),
    );
  });
});
