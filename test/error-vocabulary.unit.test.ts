/**
 * The error vocabulary is one: every code and rule is an SDL enum value with a description, every
 * failure the send path can produce becomes the result type ERROR_RESULT_TYPES names for its code
 * (with every field that type promises), and what the code emits is in the enums. The generated
 * types guarantee most of it at compile time; this holds the rest at run time.
 */
import { isNonNullType, isObjectType, type GraphQLEnumType, type GraphQLObjectType } from "graphql";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AuthFailureReason as AuthReason } from "../src/auth/tokens.js";
import { classifyHttpFailure, classifyNetworkFailure, invalidSuccess } from "../src/connectly/errors.js";
import type { DeliveryFailure } from "../src/connectly/delivery.js";
import type { AuthFailureReason, ErrorCode, InputRule } from "../src/domain/errors.js";
import { ERROR_RESULT_TYPES, describeSendError, type SendErrorResult } from "../src/graphql/errors.js";
import { sdlSchema } from "../src/graphql/error-tables.js";
import type { MessageRow } from "../src/persistence/messages.js";
import type { SendError } from "../src/sending/send-session-message.js";
import { validateSendSessionMessageInput } from "../src/validation/send-session-message.js";
import type { ValidationIssue } from "../src/validation/values.js";
import type { SendSessionMessageInput } from "../src/domain/message.js";

const schema = sdlSchema();
const enumValues = (name: string): string[] => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
const objectType = (name: string): GraphQLObjectType => {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type;
};

/** Fields an error type's resolvers fill in (src/graphql/resolvers/send-result.ts), not describeSendError. */
const RESOLVED = new Set(["SessionWindowClosedError.sessionWindow"]);

const row = { id: "01M8VJRM857DF4EZ4GQ6CNGAZP", businessId: "biz", recipientId: "+16044441111", status: "FAILED" } as MessageRow;

const windowClosed = JSON.stringify({
  error: { type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW", message: "outside" },
});
const queueFull: DeliveryFailure = { code: "RATE_LIMIT_QUEUE_FULL", message: "The queue is full.", upstream: {}, retryable: false, ambiguous: false };
/** Every failure Connectly's answers (or their absence) and the limiter can give, from the real classifiers. */
const FAILURES: readonly DeliveryFailure[] = [
  classifyHttpFailure(400, undefined, windowClosed),
  classifyHttpFailure(400, undefined, JSON.stringify({ error: { code: "ERROR_CODE_X", message: "bad recipient" } })),
  classifyHttpFailure(400, undefined, JSON.stringify({ error: { code: "ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT", message: "opted out" } })),
  classifyHttpFailure(401, undefined, ""),
  classifyHttpFailure(403, undefined, ""),
  classifyHttpFailure(429, "3", ""),
  classifyHttpFailure(429, undefined, ""),
  classifyHttpFailure(500, undefined, "oops"),
  classifyHttpFailure(503, undefined, ""),
  classifyNetworkFailure(Object.assign(new Error("reset"), { code: "ECONNRESET" })),
  invalidSuccess(200),
  queueFull,
];

const SEND_ERRORS: readonly SendError[] = [
  { kind: "invalid", issues: [{ field: "input.content.text", rule: "NOT_BLANK", message: "input.content.text must not be blank." }] },
  { kind: "businessNotConfigured", businessId: "biz" },
  { kind: "messageIdConflict", messageId: "order-1", existing: row },
  { kind: "catalogUnavailable", businessId: "biz", failure: { message: "Connectly failed with HTTP 503.", upstream: { status: 503 } } },
  ...FAILURES.flatMap((failure) => [false, true].map((unconfirmed): SendError => ({ kind: "upstream", failure, unconfirmed, message: row }))),
];

/** Every field the SDL type promises is there, non-null ones set, and nothing it does not define. */
function expectShapeOf(result: SendErrorResult): void {
  const type = objectType(result.__typename);
  const fields = type.getFields();
  for (const key of Object.keys(result)) if (key !== "__typename") expect(fields, `${type.name}.${key}`).toHaveProperty(key);
  for (const field of Object.values(fields)) {
    if (RESOLVED.has(`${type.name}.${field.name}`)) continue;
    expect(result, `${type.name}.${field.name}`).toHaveProperty(field.name);
    if (isNonNullType(field.type)) expect((result as Record<string, unknown>)[field.name], `${type.name}.${field.name}`).not.toBeNull();
  }
}

describe("the error enums", () => {
  it.each(["ErrorCode", "RequestErrorCode", "AuthFailureReason", "InputRule"])("describe every value of %s", (name) => {
    const type = schema.getType(name) as GraphQLEnumType;
    expect(type.description?.trim()).toBeTruthy();
    for (const value of type.getValues()) expect(value.description?.trim(), `${name}.${value.name}`).toBeTruthy();
  });

  it("describe every error type and its fields", () => {
    const errorTypes = schema.getImplementations(schema.getType("ErrorResult") as never).objects;
    for (const type of [...errorTypes, objectType("UpstreamDetail"), objectType("InputIssue")]) {
      expect(type.description?.trim(), type.name).toBeTruthy();
      for (const field of Object.values(type.getFields())) expect(field.description?.trim(), `${type.name}.${field.name}`).toBeTruthy();
    }
  });
});

describe("ERROR_RESULT_TYPES", () => {
  it("names a result type for exactly the ErrorCode values", () => {
    expect(Object.keys(ERROR_RESULT_TYPES).sort()).toEqual(enumValues("ErrorCode").sort());
  });

  it("names every ErrorResult type, each a member of SendSessionMessageResult", () => {
    const implementations = schema
      .getImplementations(schema.getType("ErrorResult") as never)
      .objects.map((t) => t.name)
      .sort();
    const named = [...new Set(Object.values(ERROR_RESULT_TYPES).filter((t) => t != null))].sort();
    expect(named).toEqual(implementations);
    const members = (schema.getType("SendSessionMessageResult") as unknown as { getTypes(): GraphQLObjectType[] }).getTypes().map((t) => t.name);
    expect(members.sort()).toEqual(["Message", ...implementations].sort());
  });
});

describe("describeSendError", () => {
  it.each(
    SEND_ERRORS.map((error) => [error.kind === "upstream" ? `${error.failure.code}${error.unconfirmed ? " (unconfirmed)" : ""}` : error.kind, error] as const),
  )("gives %s the result type its code names, with every field that type promises", (_name, error) => {
    const result = describeSendError(error);
    expect(enumValues("ErrorCode")).toContain(result.code);
    expect(result.__typename).toBe(ERROR_RESULT_TYPES[result.code]);
    expectShapeOf(result);
  });

  it("keeps what helps: the stored message, Connectly's words, Retry-After and whether it may have got through", () => {
    const limited = describeSendError({ kind: "upstream", failure: classifyHttpFailure(429, "3", "{}"), unconfirmed: true, message: row });
    expect(limited).toMatchObject({
      __typename: "UpstreamRateLimitedError",
      failedMessage: row,
      retryAfterSeconds: 3,
      unconfirmed: true,
      upstream: { status: 429 },
    });
    expect(limited.message).toMatch(/sending it again with the same messageId is safe/);
    const closed = describeSendError({ kind: "upstream", failure: classifyHttpFailure(400, undefined, windowClosed), unconfirmed: false, message: row });
    expect(closed).toMatchObject({
      upstream: { status: 400, code: "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW", message: "outside", type: "ERROR_TYPE_INVALID_REQUEST" },
    });
    const conflict = describeSendError({ kind: "messageIdConflict", messageId: "order-1", existing: row });
    expect(conflict).toMatchObject({ messageId: "order-1", existingMessage: row });
  });

  it("is the only code that emits no result type: INTERRUPTED belongs to stored messages", () => {
    const emitted = new Set(SEND_ERRORS.map((error) => describeSendError(error).code));
    expect(enumValues("ErrorCode").filter((code) => !emitted.has(code as ErrorCode))).toEqual(["INTERRUPTED"]);
  });
});

describe("input rules", () => {
  const base: SendSessionMessageInput = { businessId: "biz", recipient: { id: "+16044441111" }, content: { text: "Hi" } };
  const BAD: readonly unknown[] = [
    { ...base, businessId: "bad business" },
    { ...base, messageId: "bad id!" },
    { ...base, recipient: { id: "US.13491208655302741918" } },
    { ...base, recipient: { id: "nobody" } },
    { ...base, recipient: { id: "+16044441111", userId: "x" } },
    { ...base, sender: {} },
    { ...base, sender: { id: "123" } },
    { ...base, order: {} },
    { ...base, content: { text: " " } },
    { ...base, content: { text: "a\u0000b" } },
    { ...base, content: { text: "\ud800" } },
    { ...base, content: { text: "x".repeat(5000) } },
    { ...base, content: {} },
    { ...base, content: { attachment: { type: "AUDIO", url: "https:/x", caption: "c", filename: "f" } } },
    { ...base, content: { attachment: { type: "IMAGE", url: "http://127.0.0.1/a.png" } } },
    { ...base, content: { attachment: { type: "GIF", url: 3 } } },
    { ...base, content: { location: { latitude: 91, longitude: 181 } } },
    { ...base, content: { listMessage: { button: "b", sections: [] } } },
    {
      ...base,
      content: {
        listMessage: {
          button: "b",
          sections: [
            { rows: [] },
            {
              rows: [
                { id: "1", text: "a" },
                { id: "1", text: "b" },
              ],
            },
          ],
        },
      },
    },
    {
      ...base,
      content: {
        replyButtonMessage: {
          body: "b",
          buttons: [
            { id: "1", text: "a" },
            { id: "1", text: "b" },
            { id: "2", text: "c" },
            { id: "3", text: "d" },
          ],
        },
      },
    },
    { ...base, content: { multiProductMessage: { header: "h", body: "b", catalogId: "c", sections: [{ title: "t", productItems: [] }] } } },
    { ...base, content: { multiProductMessage: { header: "h", body: "b", catalogId: "c", sections: [] } } },
    { ...base, callbackData: { n: 2 ** 60, s: "x".repeat(2000) } },
  ];

  it("are InputRule values, whatever the validator finds", () => {
    const rules = new Set(BAD.flatMap((input) => validateSendSessionMessageInput(input as SendSessionMessageInput).map((issue) => issue.rule)));
    expect(rules.size).toBeGreaterThan(25);
    for (const rule of rules) expect(enumValues("InputRule")).toContain(rule);
  });

  it("are typed as the generated enums", () => {
    expectTypeOf<ValidationIssue["rule"]>().toEqualTypeOf<InputRule>();
    expectTypeOf<AuthReason>().toEqualTypeOf<AuthFailureReason>();
  });
});
