/**
 * sendSessionMessage's input rules end to end over HTTP, one case per kind of outcome: a valid input
 * is sent and stored; a broken rule is an InvalidInputError result (field, rule, every issue);
 * what GraphQL's coercion refuses (@oneOf, a number in the document a double would change) is a
 * GraphQL error with the same field, rule and issues in its extensions; and on any refusal nothing
 * reaches the sandbox or the database. Every rule itself is unit-tested in validation.unit.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendLiteralCallbackDataDocument, type SendSessionMessageMutation } from "./generated/graphql.js";
import { SEND_MUTATION, startTestGateway, type GraphQLResponse, type TestGateway } from "./support/gateway.js";
import { execute, expectResult, send, sendAccepted, sendResponse, type SendSessionMessageInput } from "./support/send.js";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway("validation");
});
afterAll(() => t?.close());

const BASE: SendSessionMessageInput = { businessId: "biz-validation", recipient: { id: "+16044441111" }, content: { text: "hi" } };

const messageCount = (): Promise<number> => t.gateway.database.prisma.message.count();

/** Runs `refuse` and expects that nothing reached the sandbox and nothing was stored. */
async function expectNothingSentOrStored<T>(refuse: () => Promise<T>): Promise<T> {
  const requestsBefore = t.sandbox.requests.length;
  const rowsBefore = await messageCount();
  const result = await refuse();
  expect(t.sandbox.requests.length, "the sandbox received no request").toBe(requestsBefore);
  expect(await messageCount(), "no message was stored").toBe(rowsBefore);
  return result;
}

describe("sendSessionMessage's input rules, end to end", () => {
  it("a valid input is sent once to the sandbox and stored ACCEPTED", async () => {
    const requestsBefore = t.sandbox.requests.length;
    const rowsBefore = await messageCount();
    const message = await sendAccepted(t, BASE);
    expect(message.content).toEqual({ __typename: "TextContent", text: "hi" });
    expect(t.sandbox.requests.length).toBe(requestsBefore + 1);
    expect(t.sandbox.requests.at(-1)?.status).toBe(200);
    expect(await messageCount()).toBe(rowsBefore + 1);
  });

  it("numbers written in the document that a double keeps are stored and echoed as written", async () => {
    const response = await execute(t, SendLiteralCallbackDataDocument, {});
    expect(response.errors).toBeUndefined();
    expect(response.data?.sendSessionMessage).toMatchObject({
      __typename: "Message",
      status: "ACCEPTED",
      callbackData: { a: 0.1, b: 9007199254740991, c: 1.5e-300, d: 1.5 },
    });
  });

  it("an input breaking several rules is an InvalidInputError result: the first issue as field and rule, every issue in input order", async () => {
    const input = { ...BASE, businessId: "bad id", recipient: { id: "6044441111" }, content: { text: " " }, campaignName: "c".repeat(129) };
    const error = await expectNothingSentOrStored(async () => expectResult(await send(t, input), "InvalidInputError"));
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", field: "input.businessId", rule: "BUSINESS_ID_FORMAT" });
    expect(error.message).toBe(error.issues[0]?.message);
    expect(error.issues.map(({ field, rule }) => [field, rule])).toEqual([
      ["input.businessId", "BUSINESS_ID_FORMAT"],
      ["input.recipient.id", "E164_OR_BSUID"],
      ["input.content.text", "NOT_BLANK"],
      ["input.campaignName", "MAX_LENGTH"],
    ]);
    for (const issue of error.issues) expect(issue.message.startsWith(`${issue.field} `)).toBe(true);
  });

  it("a number a JSON body cannot carry (1e400, Infinity once parsed) is an InvalidInputError on input.callbackData.n", async () => {
    const variables = `{"input":{"businessId":"biz-validation","recipient":{"id":"+16044441111"},"content":{"text":"hi"},"callbackData":{"n":1e400}}}`;
    const body = `{"query":${JSON.stringify(SEND_MUTATION)},"variables":${variables}}`;
    const json = await expectNothingSentOrStored(async () => {
      const response = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
      return (await response.json()) as Omit<GraphQLResponse<SendSessionMessageMutation>, "status">;
    });
    expect(json.errors).toBeUndefined();
    expect(json.data?.sendSessionMessage).toMatchObject({ __typename: "InvalidInputError", field: "input.callbackData.n", rule: "CALLBACK_DATA_NUMBER" });
  });

  it("content with two content types (@oneOf) is a GraphQL error BAD_USER_INPUT with field, rule ONE_OF and issues", async () => {
    // The generated type cannot say "exactly one": @oneOf is GraphQL's to check.
    const input = { ...BASE, content: { text: "hi", location: { latitude: 1, longitude: 2 } } } as unknown as SendSessionMessageInput;
    const response = await expectNothingSentOrStored(() => sendResponse(t, input));
    expect(response.data ?? null).toBeNull();
    const error = response.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.content", rule: "ONE_OF" });
    expect(error?.extensions?.issues).toEqual([{ field: "input.content", rule: "ONE_OF", message: error?.message }]);
  });

  it("a number written in the document that a double would change is a GraphQL error GRAPHQL_VALIDATION_FAILED with field and rule", async () => {
    const query = `mutation { sendSessionMessage(input: { businessId: "biz-validation", recipient: { id: "+16044441111" }, content: { text: "hi" }, callbackData: { a: [1e400] } }) { __typename } }`;
    const response = await expectNothingSentOrStored(() => t.graphql(query));
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", field: "input.callbackData", rule: "CALLBACK_DATA_NUMBER" });
  });
});
