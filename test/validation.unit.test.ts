/**
 * Every validation rule of sendSessionMessage against the validator itself: a bad input yields the
 * exact dotted path of the offending field and the rule as its first issue; where it is cheap, an
 * input just inside the limit yields no issue at all (e.g. 60 characters pass where 61 fail).
 *
 * What GraphQL's own coercion refuses before the validator runs (@oneOf, required fields, enum
 * values, a list where an object is expected, numbers in the document a double would change) is
 * checked in process against the gateway's schema and formatError, through Apollo Server without
 * HTTP: the same extensions (field, rule, issues) as the gateway's rules.
 * validation.test.ts keeps one case per kind of outcome end to end.
 */
import { ApolloServer } from "@apollo/server";
import { parseValue } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFormatError } from "../src/graphql/errors.js";
import { buildSchema, JSON_SCALAR } from "../src/graphql/schema.js";
import { validateSendSessionMessageInput } from "../src/validation/send-session-message.js";

// ---- inputs -------------------------------------------------------------------------------------

type Input = Record<string, unknown>;
/** The validator's own parameter type: the cases hold deliberately broken inputs of it. */
type ValidatorInput = Parameters<typeof validateSendSessionMessageInput>[0];

const validate = (input: Input, root?: string) => validateSendSessionMessageInput(input as unknown as ValidatorInput, root);

const BASE: Input = { businessId: "biz-validation", recipient: { id: "+16044441111" }, content: { text: "hi" } };

/** The valid base input with some top-level fields replaced. */
const send = (patch: Input): Input => ({ ...BASE, ...patch });
const withContent = (content: Input): Input => send({ content });

/** A string of exactly `n` copies of `unit` (code points, not UTF-16 units, when `unit` is one emoji). */
const str = (n: number, unit = "a"): string => unit.repeat(n);

/** An http(s) URL of exactly `n` characters. */
const urlOf = (n: number): string => {
  const prefix = "https://example.com/";
  return prefix + str(n - prefix.length);
};

const attachment = (a: Input): Input => withContent({ attachment: { type: "IMAGE", url: "https://example.com/a.png", ...a } });
const location = (l: Input): Input => withContent({ location: { latitude: 49.2827, longitude: -123.1207, ...l } });

const row = (id: string, extra: Input = {}): Input => ({ id, text: `Row ${id}`, ...extra });
/** `count` titled list sections of `rowsEach` rows, all row ids distinct. */
const listSections = (count: number, rowsEach: number): Input[] =>
  Array.from({ length: count }, (_, i) => ({ title: `Section ${i}`, rows: Array.from({ length: rowsEach }, (_, j) => row(`r${i}-${j}`)) }));
const list = (m: Input): Input => withContent({ listMessage: { button: "Select", sections: [{ rows: [row("r1")] }], ...m } });

const button = (id: string, text = `Button ${id}`): Input => ({ id, text });
const replyButtons = (m: Input): Input => withContent({ replyButtonMessage: { body: "Confirm?", buttons: [button("yes")], ...m } });

const singleProduct = (m: Input): Input => withContent({ singleProductMessage: { catalogId: "cat-1", productRetailerId: "sku-1", ...m } });

/** `count` product sections of `productsEach` products, all retailer ids distinct. */
const productSections = (count: number, productsEach: number): Input[] =>
  Array.from({ length: count }, (_, i) => ({
    title: `Section ${i}`,
    productItems: Array.from({ length: productsEach }, (_, j) => ({ productRetailerId: `sku-${i}-${j}` })),
  }));
const MULTI_PRODUCT: Input = { header: "Our picks", body: "Chosen for you", catalogId: "cat-1", sections: productSections(1, 1) };
const multiProduct = (m: Input): Input => withContent({ multiProductMessage: { ...MULTI_PRODUCT, ...m } });

/** A copy of `obj` without `key` (to leave out a field the schema requires). */
const without = (obj: Input, key: string): Input => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An issue's message starts with its field, so it reads on its own (a matcher, typed as what it matches). */
const startsWith = (field: string) => expect.stringMatching(new RegExp(`^${escapeRegExp(field)} `)) as string;

const utf8Bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8");

// ---- the checks ---------------------------------------------------------------------------------

/** One rule: an input that breaks it, where and how it must be refused, and inputs just inside it. */
interface RuleCase {
  /** The test's name: which rule and what is wrong. */
  readonly name: string;
  readonly bad: Input;
  /** The exact dotted path expected as the first issue's field. */
  readonly field: string;
  readonly rule: string;
  /** Inputs just inside the limit, each of which must pass. */
  readonly good?: readonly Input[];
}

/** The first issue names `field` and `rule`, with a message that starts with the field. */
function expectRefused(input: Input, field: string, rule: string) {
  const issues = validate(input);
  expect(issues[0]).toEqual({ field, rule, message: startsWith(field) });
  return issues[0]!;
}

/** Each case with its name first, for "%s" (a "$name" title would be cut short). */
const named = <C extends { readonly name: string }>(cases: readonly C[]) => cases.map((c) => [c.name, c] as const);

/** One test per case: the bad input is refused, every good input passes. */
function testRules(cases: readonly RuleCase[]): void {
  it.each(named(cases))("%s", (_name, { bad, field, rule, good = [] }) => {
    expectRefused(bad, field, rule);
    for (const input of good) expect(validate(input)).toEqual([]);
  });
}

// ---- the validator's rules ----------------------------------------------------------------------

describe("the valid base input", () => {
  it("passes (so every refusal below is caused by the one field changed)", () => {
    expect(validate(BASE)).toEqual([]);
  });

  it("fields are named under the root given: inputs[3] in a batch", () => {
    expect(validate(withContent({ text: " " }), "inputs[3]")).toEqual([
      { field: "inputs[3].content.text", rule: "NOT_BLANK", message: startsWith("inputs[3].content.text") },
    ]);
  });
});

describe("businessId", () => {
  testRules([
    {
      name: "BUSINESS_ID_FORMAT: a businessId with a space is refused; letters, digits, '-' and '_' pass",
      bad: send({ businessId: "biz validation" }),
      field: "input.businessId",
      rule: "BUSINESS_ID_FORMAT",
      good: [send({ businessId: "Biz_validation-2" })],
    },
    {
      name: "BUSINESS_ID_FORMAT: a businessId of 129 characters is refused; 128 pass",
      bad: send({ businessId: str(129, "b") }),
      field: "input.businessId",
      rule: "BUSINESS_ID_FORMAT",
      good: [send({ businessId: str(128, "b") })],
    },
    {
      name: "BUSINESS_ID_FORMAT: an empty businessId is refused",
      bad: send({ businessId: "" }),
      field: "input.businessId",
      rule: "BUSINESS_ID_FORMAT",
    },
  ]);
});

describe("recipient", () => {
  testRules([
    {
      name: "E164_OR_BSUID: recipient.id without '+' is refused",
      bad: send({ recipient: { id: "16044441111" } }),
      field: "input.recipient.id",
      rule: "E164_OR_BSUID",
    },
    {
      name: "E164_OR_BSUID: recipient.id with spaces is refused",
      bad: send({ recipient: { id: "+1 604 444 1111" } }),
      field: "input.recipient.id",
      rule: "E164_OR_BSUID",
    },
    {
      name: "E164_OR_BSUID: recipient.id of 16 digits is refused; 15 digits and 7 digits pass",
      bad: send({ recipient: { id: "+1234567890123456" } }),
      field: "input.recipient.id",
      rule: "E164_OR_BSUID",
      good: [send({ recipient: { id: "+123456789012345" } }), send({ recipient: { id: "+1234567" } })],
    },
    {
      name: "E164_OR_BSUID: recipient.id of 6 digits is refused",
      bad: send({ recipient: { id: "+123456" } }),
      field: "input.recipient.id",
      rule: "E164_OR_BSUID",
    },
    {
      name: "BSUID: recipient.userId that is not a BSUID is refused; a BSUID beside an E.164 id passes",
      bad: send({ recipient: { id: "+16044441111", userId: "13491208655302741918" } }),
      field: "input.recipient.userId",
      rule: "BSUID",
      good: [send({ recipient: { id: "+16044441111", userId: "US.13491208655302741918" } })],
    },
    {
      name: "BSUID: recipient.userId with 65 characters after the country code is refused; 64 pass",
      bad: send({ recipient: { id: "+16044441111", userId: `US.${str(65, "1")}` } }),
      field: "input.recipient.userId",
      rule: "BSUID",
      good: [send({ recipient: { id: "+16044441111", userId: `US.${str(64, "1")}` } })],
    },
    {
      name: "NOT_BLANK: a blank recipient.name is refused",
      bad: send({ recipient: { id: "+16044441111", name: "   " } }),
      field: "input.recipient.name",
      rule: "NOT_BLANK",
    },
    {
      name: "MAX_LENGTH: recipient.name of 257 characters is refused; 256 pass",
      bad: send({ recipient: { id: "+16044441111", name: str(257) } }),
      field: "input.recipient.name",
      rule: "MAX_LENGTH",
      good: [send({ recipient: { id: "+16044441111", name: str(256) } })],
    },
  ]);

  it("BSUID_ONLY_RECIPIENT: a bare BSUID as recipient.id is refused, saying phone-less sending is not available", () => {
    const issue = expectRefused(send({ recipient: { id: "US.13491208655302741918" } }), "input.recipient.id", "BSUID_ONLY_RECIPIENT");
    expect(issue.message).toMatch(/phone-less/i);
    expect(issue.message).toMatch(/BSUID/);
    expect(issue.message).toMatch(/cannot send/i);
  });
});

describe("sender", () => {
  testRules([
    {
      name: "E164: sender.id not in E.164 format is refused; an E.164 sender.id passes",
      bad: send({ sender: { id: "14151111234" } }),
      field: "input.sender.id",
      rule: "E164",
      good: [send({ sender: { id: "+14151111234" } })],
    },
    {
      name: "SENDER_NOT_EMPTY: a sender with neither id nor name is refused; a sender with only a name passes",
      bad: send({ sender: {} }),
      field: "input.sender",
      rule: "SENDER_NOT_EMPTY",
      good: [send({ sender: { name: "Support" } })],
    },
    {
      name: "SENDER_NOT_EMPTY: a sender with id and name both null is refused",
      bad: send({ sender: { id: null, name: null } }),
      field: "input.sender",
      rule: "SENDER_NOT_EMPTY",
    },
    {
      name: "NOT_BLANK: a blank sender.name is refused",
      bad: send({ sender: { name: " " } }),
      field: "input.sender.name",
      rule: "NOT_BLANK",
    },
    {
      name: "MAX_LENGTH: sender.name of 257 characters is refused; 256 pass",
      bad: send({ sender: { name: str(257) } }),
      field: "input.sender.name",
      rule: "MAX_LENGTH",
      good: [send({ sender: { name: str(256) } })],
    },
  ]);
});

describe("content.text", () => {
  testRules([
    {
      name: "NOT_BLANK: blank text is refused",
      bad: withContent({ text: " \n\t " }),
      field: "input.content.text",
      rule: "NOT_BLANK",
    },
    {
      name: "NOT_BLANK: empty text is refused",
      bad: withContent({ text: "" }),
      field: "input.content.text",
      rule: "NOT_BLANK",
    },
    {
      name: "MAX_LENGTH: text of 4097 characters is refused; 4096 pass",
      bad: withContent({ text: str(4097) }),
      field: "input.content.text",
      rule: "MAX_LENGTH",
      good: [withContent({ text: str(4096) })],
    },
    {
      name: "MAX_LENGTH: text counts Unicode code points: 4097 emoji are refused, 4096 emoji (8192 UTF-16 units) pass",
      bad: withContent({ text: str(4097, "😀") }),
      field: "input.content.text",
      rule: "MAX_LENGTH",
      good: [withContent({ text: str(4096, "😀") })],
    },
  ]);
});

describe("content.attachment", () => {
  testRules([
    {
      name: "HTTP_URL: an ftp:// url is refused; an http:// url passes",
      bad: attachment({ url: "ftp://example.com/a.png" }),
      field: "input.content.attachment.url",
      rule: "HTTP_URL",
      good: [attachment({ url: "http://example.com/a.png" })],
    },
    {
      name: "HTTP_URL: a javascript: url is refused",
      bad: attachment({ url: "javascript:alert(1)" }),
      field: "input.content.attachment.url",
      rule: "HTTP_URL",
    },
    {
      name: "HTTP_URL: a relative url is refused",
      bad: attachment({ url: "/images/a.png" }),
      field: "input.content.attachment.url",
      rule: "HTTP_URL",
    },
    {
      name: "HTTP_URL: a url with spaces is refused",
      bad: attachment({ url: "https://example.com/my image.png" }),
      field: "input.content.attachment.url",
      rule: "HTTP_URL",
    },
    {
      name: "MAX_LENGTH: a url of 2049 characters is refused; 2048 pass",
      bad: attachment({ url: urlOf(2049) }),
      field: "input.content.attachment.url",
      rule: "MAX_LENGTH",
      good: [attachment({ url: urlOf(2048) })],
    },
    {
      name: "MAX_LENGTH: a caption of 1025 characters is refused; 1024 pass",
      bad: attachment({ caption: str(1025) }),
      field: "input.content.attachment.caption",
      rule: "MAX_LENGTH",
      good: [attachment({ caption: str(1024) })],
    },
    {
      name: "NOT_BLANK: a blank caption is refused",
      bad: attachment({ caption: "  " }),
      field: "input.content.attachment.caption",
      rule: "NOT_BLANK",
    },
    {
      name: "NO_AUDIO_CAPTION: a caption on AUDIO is refused; AUDIO without caption and VIDEO with caption pass",
      bad: attachment({ type: "AUDIO", url: "https://example.com/a.mp3", caption: "Listen" }),
      field: "input.content.attachment.caption",
      rule: "NO_AUDIO_CAPTION",
      good: [
        attachment({ type: "AUDIO", url: "https://example.com/a.mp3" }),
        attachment({ type: "VIDEO", url: "https://example.com/a.mp4", caption: "Watch" }),
      ],
    },
    {
      name: "FILENAME_DOCUMENT_ONLY: a filename on IMAGE is refused; a filename on DOCUMENT passes",
      bad: attachment({ type: "IMAGE", filename: "a.png" }),
      field: "input.content.attachment.filename",
      rule: "FILENAME_DOCUMENT_ONLY",
      good: [attachment({ type: "DOCUMENT", url: "https://example.com/a.pdf", filename: "a.pdf" })],
    },
    {
      name: "FILENAME_DOCUMENT_ONLY: a filename on VIDEO is refused",
      bad: attachment({ type: "VIDEO", url: "https://example.com/a.mp4", filename: "a.mp4" }),
      field: "input.content.attachment.filename",
      rule: "FILENAME_DOCUMENT_ONLY",
    },
    {
      name: "FILENAME_DOCUMENT_ONLY: a filename on AUDIO is refused",
      bad: attachment({ type: "AUDIO", url: "https://example.com/a.mp3", filename: "a.mp3" }),
      field: "input.content.attachment.filename",
      rule: "FILENAME_DOCUMENT_ONLY",
    },
    {
      name: "MAX_LENGTH: a DOCUMENT filename of 241 characters is refused; 240 pass",
      bad: attachment({ type: "DOCUMENT", url: "https://example.com/a.pdf", filename: str(241) }),
      field: "input.content.attachment.filename",
      rule: "MAX_LENGTH",
      good: [attachment({ type: "DOCUMENT", url: "https://example.com/a.pdf", filename: str(240) })],
    },
  ]);
});

describe("content.location", () => {
  testRules([
    {
      name: "LATITUDE_RANGE: latitude above 90 is refused; 90 and -90 pass",
      bad: location({ latitude: 90.0001 }),
      field: "input.content.location.latitude",
      rule: "LATITUDE_RANGE",
      good: [location({ latitude: 90 }), location({ latitude: -90 })],
    },
    {
      name: "LATITUDE_RANGE: latitude below -90 is refused",
      bad: location({ latitude: -90.5 }),
      field: "input.content.location.latitude",
      rule: "LATITUDE_RANGE",
    },
    {
      name: "LONGITUDE_RANGE: longitude above 180 is refused; 180 and -180 pass",
      bad: location({ longitude: 180.5 }),
      field: "input.content.location.longitude",
      rule: "LONGITUDE_RANGE",
      good: [location({ longitude: 180 }), location({ longitude: -180 })],
    },
    {
      name: "LONGITUDE_RANGE: longitude below -180 is refused",
      bad: location({ longitude: -180.0001 }),
      field: "input.content.location.longitude",
      rule: "LONGITUDE_RANGE",
    },
    {
      name: "MAX_LENGTH: a location name of 1001 characters is refused; 1000 pass",
      bad: location({ name: str(1001) }),
      field: "input.content.location.name",
      rule: "MAX_LENGTH",
      good: [location({ name: str(1000) })],
    },
    {
      name: "MAX_LENGTH: a location address of 1001 characters is refused; 1000 pass",
      bad: location({ address: str(1001) }),
      field: "input.content.location.address",
      rule: "MAX_LENGTH",
      good: [location({ address: str(1000) })],
    },
  ]);
});

describe("header of a list or reply-button message", () => {
  testRules([
    {
      name: "MAX_LENGTH: header text of 61 characters is refused; 60 pass",
      bad: list({ header: { text: str(61) } }),
      field: "input.content.listMessage.header.text",
      rule: "MAX_LENGTH",
      good: [list({ header: { text: str(60) } }), replyButtons({ header: { text: str(60) } })],
    },
    {
      name: "MAX_LENGTH: reply-button header text of 61 characters is refused",
      bad: replyButtons({ header: { text: str(61) } }),
      field: "input.content.replyButtonMessage.header.text",
      rule: "MAX_LENGTH",
    },
    {
      name: "FILENAME_DOCUMENT_ONLY: a filename on an IMAGE header is refused; on a DOCUMENT header it passes",
      bad: replyButtons({ header: { attachment: { type: "IMAGE", url: "https://example.com/a.png", filename: "a.png" } } }),
      field: "input.content.replyButtonMessage.header.attachment.filename",
      rule: "FILENAME_DOCUMENT_ONLY",
      good: [replyButtons({ header: { attachment: { type: "DOCUMENT", url: "https://example.com/a.pdf", filename: "a.pdf" } } })],
    },
    {
      name: "HTTP_URL: a header attachment url that is not http(s) is refused",
      bad: list({ header: { attachment: { type: "VIDEO", url: "ftp://example.com/a.mp4" } } }),
      field: "input.content.listMessage.header.attachment.url",
      rule: "HTTP_URL",
    },
  ]);
});

describe("content.listMessage", () => {
  const L = "input.content.listMessage";
  testRules([
    {
      name: "MAX_LENGTH: a list footer of 61 characters is refused; 60 pass",
      bad: list({ footer: str(61) }),
      field: `${L}.footer`,
      rule: "MAX_LENGTH",
      good: [list({ footer: str(60) })],
    },
    {
      name: "MAX_LENGTH: a list button of 21 characters is refused; 20 pass",
      bad: list({ button: str(21) }),
      field: `${L}.button`,
      rule: "MAX_LENGTH",
      good: [list({ button: str(20) })],
    },
    {
      name: "NOT_BLANK: a blank list button is refused",
      bad: list({ button: "  " }),
      field: `${L}.button`,
      rule: "NOT_BLANK",
    },
    {
      name: "MAX_LENGTH: a list body of 1025 characters is refused; 1024 pass",
      bad: list({ body: str(1025) }),
      field: `${L}.body`,
      rule: "MAX_LENGTH",
      good: [list({ body: str(1024) })],
    },
    {
      name: "LIST_SECTION_COUNT: a list with no sections is refused; 1 section passes",
      bad: list({ sections: [] }),
      field: `${L}.sections`,
      rule: "LIST_SECTION_COUNT",
      good: [list({ sections: listSections(1, 1) })],
    },
    {
      name: "LIST_SECTION_COUNT: a list with 11 sections is refused; 10 pass",
      bad: list({ sections: listSections(11, 1) }),
      field: `${L}.sections`,
      rule: "LIST_SECTION_COUNT",
      good: [list({ sections: listSections(10, 1) })],
    },
    {
      name: "LIST_ROW_TOTAL: 11 rows across two sections are refused; 10 pass",
      bad: list({ sections: [...listSections(1, 6), { title: "More", rows: [1, 2, 3, 4, 5].map((i) => row(`more-${i}`)) }] }),
      field: `${L}.sections`,
      rule: "LIST_ROW_TOTAL",
      good: [list({ sections: listSections(2, 5) })],
    },
    {
      name: "LIST_SECTION_EMPTY: a section with no rows is refused",
      bad: list({
        sections: [
          { title: "A", rows: [row("a")] },
          { title: "B", rows: [] },
        ],
      }),
      field: `${L}.sections[1].rows`,
      rule: "LIST_SECTION_EMPTY",
    },
    {
      name: "LIST_SECTION_TITLE_REQUIRED: a section without title is refused when there are 2 sections; 1 section needs none",
      bad: list({ sections: [{ title: "A", rows: [row("a")] }, { rows: [row("b")] }] }),
      field: `${L}.sections[1].title`,
      rule: "LIST_SECTION_TITLE_REQUIRED",
      good: [list({ sections: [{ rows: [row("a")] }] })],
    },
    {
      name: "MAX_LENGTH: a section title of 25 characters is refused; 24 pass",
      bad: list({ sections: [{ title: str(25), rows: [row("a")] }] }),
      field: `${L}.sections[0].title`,
      rule: "MAX_LENGTH",
      good: [list({ sections: [{ title: str(24), rows: [row("a")] }] })],
    },
    {
      name: "MAX_LENGTH: a row text of 25 characters is refused; 24 pass",
      bad: list({ sections: [{ rows: [row("a"), { id: "b", text: str(25) }] }] }),
      field: `${L}.sections[0].rows[1].text`,
      rule: "MAX_LENGTH",
      good: [list({ sections: [{ rows: [{ id: "b", text: str(24) }] }] })],
    },
    {
      name: "MAX_LENGTH: a row description of 73 characters is refused; 72 pass",
      bad: list({ sections: [{ rows: [row("a", { description: str(73) })] }] }),
      field: `${L}.sections[0].rows[0].description`,
      rule: "MAX_LENGTH",
      good: [list({ sections: [{ rows: [row("a", { description: str(72) })] }] })],
    },
    {
      name: "MAX_LENGTH: a row id of 201 characters is refused; 200 pass",
      bad: list({ sections: [{ rows: [row(str(201))] }] }),
      field: `${L}.sections[0].rows[0].id`,
      rule: "MAX_LENGTH",
      good: [list({ sections: [{ rows: [{ id: str(200), text: "Row" }] }] })],
    },
    {
      name: "UNIQUE_ROW_IDS: a row id repeated in another section is refused at its second occurrence",
      bad: list({
        sections: [
          { title: "A", rows: [row("x"), row("y")] },
          { title: "B", rows: [row("y"), row("z")] },
        ],
      }),
      field: `${L}.sections[1].rows[0].id`,
      rule: "UNIQUE_ROW_IDS",
      good: [
        list({
          sections: [
            { title: "A", rows: [row("x"), row("y")] },
            { title: "B", rows: [row("w"), row("z")] },
          ],
        }),
      ],
    },
  ]);
});

describe("content.replyButtonMessage", () => {
  const R = "input.content.replyButtonMessage";
  testRules([
    {
      name: "REPLY_BUTTON_COUNT: no buttons are refused; 1 button passes",
      bad: replyButtons({ buttons: [] }),
      field: `${R}.buttons`,
      rule: "REPLY_BUTTON_COUNT",
      good: [replyButtons({ buttons: [button("only")] })],
    },
    {
      name: "REPLY_BUTTON_COUNT: 4 buttons are refused; 3 pass",
      bad: replyButtons({ buttons: [button("a"), button("b"), button("c"), button("d")] }),
      field: `${R}.buttons`,
      rule: "REPLY_BUTTON_COUNT",
      good: [replyButtons({ buttons: [button("a"), button("b"), button("c")] })],
    },
    {
      name: "MAX_LENGTH: a button text of 21 characters is refused; 20 pass",
      bad: replyButtons({ buttons: [button("a", str(21))] }),
      field: `${R}.buttons[0].text`,
      rule: "MAX_LENGTH",
      good: [replyButtons({ buttons: [button("a", str(20))] })],
    },
    {
      name: "MAX_LENGTH: a button id of 257 characters is refused; 256 pass",
      bad: replyButtons({ buttons: [button(str(257), "Go")] }),
      field: `${R}.buttons[0].id`,
      rule: "MAX_LENGTH",
      good: [replyButtons({ buttons: [button(str(256), "Go")] })],
    },
    {
      name: "UNIQUE_BUTTON_IDS: a repeated button id is refused at its second occurrence",
      bad: replyButtons({ buttons: [button("a"), button("b"), button("a", "Again")] }),
      field: `${R}.buttons[2].id`,
      rule: "UNIQUE_BUTTON_IDS",
    },
    {
      name: "NOT_BLANK: a blank reply-button body is refused",
      bad: replyButtons({ body: " " }),
      field: `${R}.body`,
      rule: "NOT_BLANK",
    },
    {
      name: "MAX_LENGTH: a reply-button body of 1025 characters is refused; 1024 pass",
      bad: replyButtons({ body: str(1025) }),
      field: `${R}.body`,
      rule: "MAX_LENGTH",
      good: [replyButtons({ body: str(1024) })],
    },
    {
      name: "MAX_LENGTH: a reply-button footer of 61 characters is refused; 60 pass",
      bad: replyButtons({ footer: str(61) }),
      field: `${R}.footer`,
      rule: "MAX_LENGTH",
      good: [replyButtons({ footer: str(60) })],
    },
  ]);
});

describe("content.singleProductMessage", () => {
  const S = "input.content.singleProductMessage";
  testRules([
    {
      name: "NOT_BLANK: a blank catalogId is refused",
      bad: singleProduct({ catalogId: "  " }),
      field: `${S}.catalogId`,
      rule: "NOT_BLANK",
    },
    {
      name: "MAX_LENGTH: a catalogId of 129 characters is refused; 128 pass",
      bad: singleProduct({ catalogId: str(129) }),
      field: `${S}.catalogId`,
      rule: "MAX_LENGTH",
      good: [singleProduct({ catalogId: str(128) })],
    },
    {
      name: "MAX_LENGTH: a productRetailerId of 101 characters is refused; 100 pass",
      bad: singleProduct({ productRetailerId: str(101) }),
      field: `${S}.productRetailerId`,
      rule: "MAX_LENGTH",
      good: [singleProduct({ productRetailerId: str(100) })],
    },
    {
      name: "MAX_LENGTH: a single-product footer of 61 characters is refused; 60 pass",
      bad: singleProduct({ footer: str(61) }),
      field: `${S}.footer`,
      rule: "MAX_LENGTH",
      good: [singleProduct({ footer: str(60) })],
    },
    {
      name: "MAX_LENGTH: a single-product body of 1025 characters is refused; 1024 pass",
      bad: singleProduct({ body: str(1025) }),
      field: `${S}.body`,
      rule: "MAX_LENGTH",
      good: [singleProduct({ body: str(1024) })],
    },
  ]);
});

describe("content.multiProductMessage", () => {
  const M = "input.content.multiProductMessage";
  testRules([
    {
      name: "NOT_BLANK: a blank multi-product body is refused",
      bad: multiProduct({ body: "   " }),
      field: `${M}.body`,
      rule: "NOT_BLANK",
    },
    {
      name: "MAX_LENGTH: a multi-product header of 61 characters is refused; 60 pass",
      bad: multiProduct({ header: str(61) }),
      field: `${M}.header`,
      rule: "MAX_LENGTH",
      good: [multiProduct({ header: str(60) })],
    },
    {
      name: "PRODUCT_SECTION_COUNT: no sections are refused; 1 section passes",
      bad: multiProduct({ sections: [] }),
      field: `${M}.sections`,
      rule: "PRODUCT_SECTION_COUNT",
      good: [multiProduct({ sections: productSections(1, 1) })],
    },
    {
      name: "PRODUCT_SECTION_COUNT: 11 sections are refused; 10 pass",
      bad: multiProduct({ sections: productSections(11, 1) }),
      field: `${M}.sections`,
      rule: "PRODUCT_SECTION_COUNT",
      good: [multiProduct({ sections: productSections(10, 1) })],
    },
    {
      name: "PRODUCT_TOTAL: 31 products in all are refused; 30 pass",
      bad: multiProduct({ sections: [...productSections(3, 10), { title: "Extra", productItems: [{ productRetailerId: "sku-extra" }] }] }),
      field: `${M}.sections`,
      rule: "PRODUCT_TOTAL",
      good: [multiProduct({ sections: productSections(3, 10) })],
    },
    {
      name: "PRODUCT_SECTION_EMPTY: a section without products is refused",
      bad: multiProduct({ sections: [...productSections(1, 2), { title: "Empty", productItems: [] }] }),
      field: `${M}.sections[1].productItems`,
      rule: "PRODUCT_SECTION_EMPTY",
    },
    {
      name: "MAX_LENGTH: a product section title of 25 characters is refused; 24 pass",
      bad: multiProduct({ sections: [{ title: str(25), productItems: [{ productRetailerId: "sku-1" }] }] }),
      field: `${M}.sections[0].title`,
      rule: "MAX_LENGTH",
      good: [multiProduct({ sections: [{ title: str(24), productItems: [{ productRetailerId: "sku-1" }] }] })],
    },
    {
      name: "MAX_LENGTH: a product retailer id of 101 characters is refused",
      bad: multiProduct({ sections: [{ title: "A", productItems: [{ productRetailerId: "sku-1" }, { productRetailerId: str(101) }] }] }),
      field: `${M}.sections[0].productItems[1].productRetailerId`,
      rule: "MAX_LENGTH",
    },
  ]);
});

describe("callbackData", () => {
  // A JSON string serializes with its two quotes: n ASCII characters are n + 2 bytes.
  const ascii1024 = str(1022);
  const ascii1025 = str(1023);
  // "é" is 2 bytes in UTF-8: 511 of them are 1024 bytes serialized, 512 are 1026 (only 512 characters).
  const accented1024 = str(511, "é");
  const accented1026 = str(512, "é");
  // An emoji is 4 bytes: 255 emoji and 2 ASCII characters are 1024 bytes serialized, 256 emoji 1026.
  const emoji1024 = `${str(255, "😀")}ab`;
  const emoji1026 = str(256, "😀");
  // An object: {"note":"..."} is 11 bytes around the note.
  const object1024 = { note: str(1013) };
  const object1025 = { note: str(1014) };

  it("the fixtures have the sizes the tests rely on", () => {
    expect([ascii1024, accented1024, emoji1024, object1024].map(utf8Bytes)).toEqual([1024, 1024, 1024, 1024]);
    expect([ascii1025, accented1026, emoji1026, object1025].map(utf8Bytes)).toEqual([1025, 1026, 1026, 1025]);
  });

  testRules([
    {
      name: "CALLBACK_DATA_SIZE: a string of 1025 bytes serialized is refused; exactly 1024 bytes pass",
      bad: send({ callbackData: ascii1025 }),
      field: "input.callbackData",
      rule: "CALLBACK_DATA_SIZE",
      good: [send({ callbackData: ascii1024 })],
    },
    {
      name: "CALLBACK_DATA_SIZE: an object of 1025 bytes serialized is refused; exactly 1024 bytes pass",
      bad: send({ callbackData: object1025 }),
      field: "input.callbackData",
      rule: "CALLBACK_DATA_SIZE",
      good: [send({ callbackData: object1024 })],
    },
    {
      name: "CALLBACK_DATA_SIZE: multi-byte UTF-8 counts as several bytes: 512 'é' (1026 bytes) are refused, 511 (1024 bytes) pass",
      bad: send({ callbackData: accented1026 }),
      field: "input.callbackData",
      rule: "CALLBACK_DATA_SIZE",
      good: [send({ callbackData: accented1024 })],
    },
    {
      name: "CALLBACK_DATA_SIZE: 4-byte emoji: 256 emoji (1026 bytes) are refused, 255 emoji plus 2 letters (1024 bytes) pass",
      bad: send({ callbackData: { x: emoji1026 } }),
      field: "input.callbackData",
      rule: "CALLBACK_DATA_SIZE",
      good: [send({ callbackData: emoji1024 })],
    },
  ]);
});

describe("campaignName, order, messageId", () => {
  testRules([
    {
      name: "NOT_BLANK: a blank campaignName is refused",
      bad: send({ campaignName: " " }),
      field: "input.campaignName",
      rule: "NOT_BLANK",
    },
    {
      name: "MAX_LENGTH: a campaignName of 129 characters is refused; 128 pass",
      bad: send({ campaignName: str(129) }),
      field: "input.campaignName",
      rule: "MAX_LENGTH",
      good: [send({ campaignName: str(128) })],
    },
    {
      name: "ORDER_NOT_EMPTY: an empty order is refused; an order with only a strategy or only a parentId passes",
      bad: send({ order: {} }),
      field: "input.order",
      rule: "ORDER_NOT_EMPTY",
      good: [send({ order: { strategy: "INDEPENDENT" } }), send({ order: { parentId: "01FPW47QF69Y5JZH24605VAKQB" } })],
    },
    {
      name: "MESSAGE_ID_FORMAT: an order.parentId with characters outside letters, digits, '_', '-', '.', ':' is refused",
      bad: send({ order: { parentId: "parent/1?", strategy: "SHORT_CIRCUIT" } }),
      field: "input.order.parentId",
      rule: "MESSAGE_ID_FORMAT",
      good: [send({ order: { parentId: "parent_1-a.b:c", strategy: "SHORT_CIRCUIT" } })],
    },
    {
      name: "MESSAGE_ID_FORMAT: an order.parentId of 129 characters is refused; 128 pass",
      bad: send({ order: { parentId: str(129, "p") } }),
      field: "input.order.parentId",
      rule: "MESSAGE_ID_FORMAT",
      good: [send({ order: { parentId: str(128, "p") } })],
    },
    {
      name: "MESSAGE_ID_FORMAT: a messageId with spaces is refused",
      bad: send({ messageId: "my message 1" }),
      field: "input.messageId",
      rule: "MESSAGE_ID_FORMAT",
      good: [send({ messageId: "my_message-1.a:b" })],
    },
    {
      name: "MESSAGE_ID_FORMAT: a messageId of 129 characters is refused; 128 pass",
      bad: send({ messageId: str(129, "m") }),
      field: "input.messageId",
      rule: "MESSAGE_ID_FORMAT",
      good: [send({ messageId: str(128, "m") })],
    },
  ]);
});

describe("media URLs: absolute http(s), written as scheme://host, no credentials, a public host", () => {
  const A = "input.content.attachment.url";
  const H = "input.content.listMessage.header.attachment.url";
  const R = "input.content.replyButtonMessage.header.attachment.url";
  const headerImage = (url: string) => list({ header: { attachment: { type: "IMAGE", url } } });
  testRules([
    {
      name: "HTTP_URL: https:/example.com/a (one slash, which WHATWG parsing would repair) is refused",
      bad: attachment({ url: "https:/example.com/a" }),
      field: A,
      rule: "HTTP_URL",
    },
    { name: "HTTP_URL: https:\\\\example.com\\a (backslashes) is refused", bad: attachment({ url: "https:\\\\example.com\\a" }), field: A, rule: "HTTP_URL" },
    { name: "HTTP_URL: a list header's https:example.com is refused", bad: headerImage("https:example.com/a.png"), field: H, rule: "HTTP_URL" },
    {
      name: "PUBLIC_HTTP_URL: credentials in the URL are refused; a public host with port, query and IDN passes",
      bad: attachment({ url: "https://user:secret@example.com/a.png" }),
      field: A,
      rule: "PUBLIC_HTTP_URL",
      good: [
        attachment({ url: "https://cdn.example.com:8443/a.png?x=1#y" }),
        attachment({ url: "https://bücher.example/a.png" }),
        attachment({ url: "http://93.184.216.34/a.png" }),
      ],
    },
    {
      name: "PUBLIC_HTTP_URL: a user name alone (https://example.com@10.0.0.1/) is refused",
      bad: attachment({ url: "https://example.com@10.0.0.1/a" }),
      field: A,
      rule: "PUBLIC_HTTP_URL",
    },
    ...[
      "http://localhost/a.png",
      "http://LOCALHOST./a.png",
      "http://api.localhost/a.png",
      "http://printer.local/a.png",
      "http://metadata.google.internal/a.png",
      "http://intranet/a.png",
      "http://127.0.0.1/a.png",
      "http://127.1/a.png",
      "http://2130706433/a.png",
      "http://0x7f.1/a.png",
      "http://0177.0.0.1/a.png",
      "http://0.0.0.0/a.png",
      "http://10.0.0.1/a.png",
      "http://172.16.5.4/a.png",
      "http://192.168.1.1/a.png",
      "http://169.254.169.254/latest/meta-data",
      "http://100.64.0.1/a.png",
      "http://224.0.0.1/a.png",
      "http://240.0.0.1/a.png",
      "http://255.255.255.255/a.png",
      "http://[::1]/a.png",
      "http://[::]/a.png",
      "http://[::ffff:10.0.0.1]/a.png",
      "http://[::ffff:127.0.0.1]/a.png",
      "http://[fc00::1]/a.png",
      "http://[fd12:3456::1]/a.png",
      "http://[fe80::1]/a.png",
      "http://[ff02::1]/a.png",
      "http://[2001:db8::1]/a.png",
    ].map((url) => ({ name: `PUBLIC_HTTP_URL: ${url} is refused`, bad: attachment({ url }), field: A, rule: "PUBLIC_HTTP_URL" })),
    {
      name: "PUBLIC_HTTP_URL: a reply-button header on 192.168.0.10 is refused",
      bad: replyButtons({ header: { attachment: { type: "IMAGE", url: "https://192.168.0.10/a.png" } } }),
      field: R,
      rule: "PUBLIC_HTTP_URL",
      good: [replyButtons({ header: { attachment: { type: "IMAGE", url: "https://[2606:4700::1111]/a.png" } } })],
    },
  ]);
});

describe("characters no database can store: NUL and unpaired surrogates in any string", () => {
  const NUL = "a\u0000b";
  const HIGH = "x\ud800";
  const LOW = "\udc00y";
  testRules([
    {
      name: "NO_NUL: content.text",
      bad: withContent({ text: NUL }),
      field: "input.content.text",
      rule: "NO_NUL",
      good: [withContent({ text: "👍 \ud83d\ude00 paired surrogates are characters" })],
    },
    {
      name: "UNPAIRED_SURROGATE: content.text with a lone high surrogate",
      bad: withContent({ text: HIGH }),
      field: "input.content.text",
      rule: "UNPAIRED_SURROGATE",
    },
    {
      name: "UNPAIRED_SURROGATE: content.text with a lone low surrogate",
      bad: withContent({ text: LOW }),
      field: "input.content.text",
      rule: "UNPAIRED_SURROGATE",
    },
    { name: "NO_NUL: recipient.name", bad: send({ recipient: { id: "+16044441111", name: NUL } }), field: "input.recipient.name", rule: "NO_NUL" },
    {
      name: "UNPAIRED_SURROGATE: recipient.userId",
      bad: send({ recipient: { id: "+16044441111", userId: `US.1${HIGH}` } }),
      field: "input.recipient.userId",
      rule: "UNPAIRED_SURROGATE",
    },
    { name: "NO_NUL: recipient.id", bad: send({ recipient: { id: "+1604444\u00001111" } }), field: "input.recipient.id", rule: "NO_NUL" },
    { name: "NO_NUL: sender.name", bad: send({ sender: { name: NUL } }), field: "input.sender.name", rule: "NO_NUL" },
    { name: "UNPAIRED_SURROGATE: campaignName", bad: send({ campaignName: HIGH }), field: "input.campaignName", rule: "UNPAIRED_SURROGATE" },
    { name: "NO_NUL: messageId", bad: send({ messageId: NUL }), field: "input.messageId", rule: "NO_NUL" },
    { name: "NO_NUL: businessId", bad: send({ businessId: NUL }), field: "input.businessId", rule: "NO_NUL" },
    {
      name: "NO_NUL: an attachment url (which URL parsing would percent-encode)",
      bad: attachment({ url: "https://example.com/a\u0000.png" }),
      field: "input.content.attachment.url",
      rule: "NO_NUL",
    },
    {
      name: "UNPAIRED_SURROGATE: an attachment caption",
      bad: attachment({ caption: LOW }),
      field: "input.content.attachment.caption",
      rule: "UNPAIRED_SURROGATE",
    },
    { name: "NO_NUL: a location name", bad: location({ name: NUL }), field: "input.content.location.name", rule: "NO_NUL" },
    {
      name: "NO_NUL: a list row id",
      bad: list({ sections: [{ rows: [row(NUL)] }] }),
      field: "input.content.listMessage.sections[0].rows[0].id",
      rule: "NO_NUL",
    },
    {
      name: "UNPAIRED_SURROGATE: a list header text",
      bad: list({ header: { text: HIGH } }),
      field: "input.content.listMessage.header.text",
      rule: "UNPAIRED_SURROGATE",
    },
    {
      name: "NO_NUL: a reply button text",
      bad: replyButtons({ buttons: [button("yes", NUL)] }),
      field: "input.content.replyButtonMessage.buttons[0].text",
      rule: "NO_NUL",
    },
    {
      name: "NO_NUL: a single product's catalogId",
      bad: singleProduct({ catalogId: NUL }),
      field: "input.content.singleProductMessage.catalogId",
      rule: "NO_NUL",
    },
    {
      name: "UNPAIRED_SURROGATE: a multi-product retailer id",
      bad: withContent({ multiProductMessage: { ...MULTI_PRODUCT, sections: [{ title: "S", productItems: [{ productRetailerId: HIGH }] }] } }),
      field: "input.content.multiProductMessage.sections[0].productItems[0].productRetailerId",
      rule: "UNPAIRED_SURROGATE",
    },
    {
      name: "NO_NUL: a callbackData string value, nested",
      bad: send({ callbackData: { order: { ids: ["ok", NUL] } } }),
      field: "input.callbackData.order.ids[1]",
      rule: "NO_NUL",
    },
    { name: "UNPAIRED_SURROGATE: a callbackData key", bad: send({ callbackData: { [HIGH]: 1 } }), field: "input.callbackData", rule: "UNPAIRED_SURROGATE" },
    { name: "NO_NUL: a callbackData that is one string", bad: send({ callbackData: NUL }), field: "input.callbackData", rule: "NO_NUL" },
  ]);
});

describe("callbackData numbers are echoed exactly or refused", () => {
  testRules([
    {
      name: "CALLBACK_DATA_NUMBER: 2^53 is refused; ±(2^53 − 1), decimals and exponents that a double keeps pass",
      bad: send({ callbackData: { n: 2 ** 53 } }),
      field: "input.callbackData.n",
      rule: "CALLBACK_DATA_NUMBER",
      good: [send({ callbackData: { a: Number.MAX_SAFE_INTEGER, b: -Number.MAX_SAFE_INTEGER, c: 0.1, d: 1.5e-300, e: -0 } })],
    },
    {
      name: "CALLBACK_DATA_NUMBER: 123456789012345678901234567890 (read as 1.2345678901234568e+29) is refused",
      bad: send({ callbackData: JSON.parse('[1, { "deep": [123456789012345678901234567890] }]') as unknown }),
      field: "input.callbackData[1].deep[0]",
      rule: "CALLBACK_DATA_NUMBER",
    },
    {
      // What a variables body holding 1e400 becomes: JSON.parse makes it Infinity, which jsonb would store as null.
      name: "CALLBACK_DATA_NUMBER: 1e400 in variables (Infinity once parsed) is refused",
      bad: send({ callbackData: JSON.parse('{"n":1e400}') as unknown }),
      field: "input.callbackData.n",
      rule: "CALLBACK_DATA_NUMBER",
    },
  ]);
});

describe("several problems at once", () => {
  it("reports every broken rule, in input order, each message starting with its field", () => {
    const input = {
      businessId: "bad id",
      recipient: { id: "6044441111", name: "" },
      sender: {},
      content: {
        listMessage: {
          button: str(21),
          sections: [{ title: "A", rows: [row("x")] }, { rows: [row("x")] }],
        },
      },
      callbackData: str(1023),
      campaignName: str(129),
      messageId: "has space",
    };
    const L = "input.content.listMessage";
    const expected = [
      { field: "input.businessId", rule: "BUSINESS_ID_FORMAT" },
      { field: "input.recipient.id", rule: "E164_OR_BSUID" },
      { field: "input.recipient.name", rule: "NOT_BLANK" },
      { field: "input.sender", rule: "SENDER_NOT_EMPTY" },
      { field: `${L}.button`, rule: "MAX_LENGTH" },
      { field: `${L}.sections[1].title`, rule: "LIST_SECTION_TITLE_REQUIRED" },
      { field: `${L}.sections[1].rows[0].id`, rule: "UNIQUE_ROW_IDS" },
      { field: "input.callbackData", rule: "CALLBACK_DATA_SIZE" },
      { field: "input.campaignName", rule: "MAX_LENGTH" },
      { field: "input.messageId", rule: "MESSAGE_ID_FORMAT" },
    ];
    expect(validate(input)).toEqual(expected.map(({ field, rule }) => ({ field, rule, message: startsWith(field) })));
  });
});

// ---- GraphQL's own coercion, in process ---------------------------------------------------------

describe("what GraphQL's coercion refuses before the validator runs, with the gateway's extensions", () => {
  let apollo: ApolloServer;
  beforeAll(async () => {
    // The gateway's schema and formatError; nothing executes, so no context, store or upstream is needed.
    apollo = new ApolloServer({ schema: buildSchema(), formatError: createFormatError({ error: () => {} }), stopOnTerminationSignals: false });
    await apollo.start();
  });
  afterAll(() => apollo?.stop());

  /** The errors of one sendSessionMessage request (selecting only __typename: none of these reach execution). */
  async function errorsOf(query: string, variables?: Record<string, unknown>) {
    const response = await apollo.executeOperation({ query, ...(variables ? { variables } : {}) });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { data, errors } = response.body.singleResult;
    expect(data ?? null).toBeNull();
    expect(errors?.length, "an error is returned").toBeGreaterThan(0);
    return errors!;
  }

  const SEND = /* GraphQL */ `
    mutation ($input: SendSessionMessageInput!) {
      sendSessionMessage(input: $input) {
        __typename
      }
    }
  `;

  it.each(
    named<RuleCase>([
      {
        name: "ONE_OF: content with two content types",
        bad: withContent({ text: "hi", location: { latitude: 1, longitude: 2 } }),
        field: "input.content",
        rule: "ONE_OF",
      },
      { name: "ONE_OF: content with no content type", bad: withContent({}), field: "input.content", rule: "ONE_OF" },
      {
        name: "ONE_OF: a list header with both text and attachment",
        bad: list({ header: { text: "Hello", attachment: { type: "IMAGE", url: "https://example.com/a.png" } } }),
        field: "input.content.listMessage.header",
        rule: "ONE_OF",
      },
      {
        name: "ONE_OF: a reply-button header with neither text nor attachment",
        bad: replyButtons({ header: {} }),
        field: "input.content.replyButtonMessage.header",
        rule: "ONE_OF",
      },
      {
        name: "GRAPHQL_COERCION: a list of attachments (at most one attachment)",
        bad: withContent({
          attachment: [
            { type: "IMAGE", url: "https://example.com/a.png" },
            { type: "IMAGE", url: "https://example.com/b.png" },
          ],
        }),
        field: "input.content.attachment",
        rule: "GRAPHQL_COERCION",
      },
      { name: "ENUM_VALUE: an unknown attachment type", bad: attachment({ type: "STICKER" }), field: "input.content.attachment.type", rule: "ENUM_VALUE" },
      {
        name: "ENUM_VALUE: an AUDIO header attachment (not a HeaderAttachmentType)",
        bad: list({ header: { attachment: { type: "AUDIO", url: "https://example.com/a.mp3" } } }),
        field: "input.content.listMessage.header.attachment.type",
        rule: "ENUM_VALUE",
      },
      { name: "ENUM_VALUE: an unknown order.strategy", bad: send({ order: { strategy: "SOMETIMES" } }), field: "input.order.strategy", rule: "ENUM_VALUE" },
      {
        name: "REQUIRED: a list without button",
        bad: withContent({ listMessage: { sections: listSections(1, 1) } }),
        field: "input.content.listMessage",
        rule: "REQUIRED",
      },
      {
        name: "REQUIRED: a reply-button message without body",
        bad: withContent({ replyButtonMessage: { buttons: [button("a")] } }),
        field: "input.content.replyButtonMessage",
        rule: "REQUIRED",
      },
      {
        name: "REQUIRED: a multi-product message without body",
        bad: withContent({ multiProductMessage: without(MULTI_PRODUCT, "body") }),
        field: "input.content.multiProductMessage",
        rule: "REQUIRED",
      },
    ]),
  )("%s in variables: BAD_USER_INPUT with field, rule and issues", async (_name, { bad, field, rule }) => {
    const [error] = await errorsOf(SEND, { input: bad });
    expect(error!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
    expect(error!.message).toContain(field);
    expect(error!.extensions?.issues).toEqual([{ field, rule, message: error!.message }]);
  });

  const literalSend = (callbackData: string) =>
    `mutation { sendSessionMessage(input: { businessId: "biz-validation", recipient: { id: "+16044441111" }, content: { text: "hi" }, callbackData: ${callbackData} }) { __typename } }`;

  it.each(["1e400", "123456789012345678901234567890", "0.12345678901234567890", "9007199254740993"])(
    "CALLBACK_DATA_NUMBER: %s written in the document is refused as GRAPHQL_VALIDATION_FAILED with field and rule",
    async (literal) => {
      const [error] = await errorsOf(literalSend(`{ a: [${literal}] }`));
      expect(error!.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", field: "input.callbackData", rule: "CALLBACK_DATA_NUMBER" });
      expect(error!.extensions?.issues).toEqual([{ field: "input.callbackData", rule: "CALLBACK_DATA_NUMBER", message: error!.message }]);
    },
  );

  it("numbers a double keeps pass the document's literal as written (validation.test.ts checks they are echoed)", () => {
    const value: unknown = JSON_SCALAR.parseLiteral(parseValue("{ a: 0.1, b: 9007199254740991, c: 1.5e-300, d: 1.50 }"), undefined);
    expect(value).toEqual({ a: 0.1, b: 9007199254740991, c: 1.5e-300, d: 1.5 });
    expect(validate(send({ callbackData: value }))).toEqual([]);
  });
});
