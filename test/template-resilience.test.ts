/**
 * Template sends when things go wrong, end to end over real HTTP to the gateway and the sandbox:
 * the catalog cannot be read (refused by default, sent unchecked when configured so), and a
 * template message left PENDING by a process that died mid-send (never sent again: the template
 * endpoint takes no message id, so a second call could reach the customer twice).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendTemplateMessageDocument, type SendTemplateMessageInput, type TemplateResultFieldsFragment } from "./generated/graphql.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { execute } from "./support/send.js";

type Result = TemplateResultFieldsFragment;

let seq = 0;
const business = (label: string) => `biz-tplr-${label}-${seq++}-${randomBytes(3).toString("hex")}`;

const thanks = (businessId: string, messageId?: string): SendTemplateMessageInput => ({
  businessId,
  recipient: { id: `+5511977${String(100000 + seq++).padStart(6, "0")}` },
  template: { name: "thanks", language: "en" },
  ...(messageId ? { messageId } : {}),
});

async function sendTemplate(t: TestGateway, input: SendTemplateMessageInput): Promise<Result> {
  const response = await execute(t, SendTemplateMessageDocument, { input });
  expect(response.errors).toBeUndefined();
  return response.data!.sendTemplateMessage;
}

const requestsOf = (t: TestGateway, businessId: string, endpoint: "template" | "templates") =>
  t.sandbox.requests.filter((r) => r.businessId === businessId && r.endpoint === endpoint);

describe("a template send when the catalog cannot be read", () => {
  let refuse: TestGateway;
  let unchecked: TestGateway;
  beforeAll(async () => {
    refuse = await startTestGateway("tpl-unreadable-refuse");
    unchecked = await startTestGateway("tpl-unreadable-send", {
      templates: { catalogTtlMs: 300_000, unreadable: "send-unchecked" },
    });
  });
  afterAll(async () => {
    await refuse?.close();
    await unchecked?.close();
  });

  it("by default (refuse): TemplateCatalogUnavailableError with Connectly's words, nothing sent, nothing stored", async () => {
    const businessId = business("refuse");
    refuse.sandbox.injectFaults({
      kind: "status",
      status: 503,
      body: { error: { type: "ERROR_TYPE_INTERNAL", code: "ERROR_CODE_UNSPECIFIED", message: "Catalog service down." } },
    });
    const result = await sendTemplate(refuse, thanks(businessId));
    expect(result).toMatchObject({ __typename: "TemplateCatalogUnavailableError", code: "TEMPLATE_CATALOG_UNAVAILABLE" });
    expect(requestsOf(refuse, businessId, "template")).toEqual([]);
    expect(await refuse.gateway.database.prisma.message.count({ where: { businessId } })).toBe(0);
  });

  it("with TEMPLATE_CATALOG_UNREADABLE=send-unchecked: sent, and its content says the catalog did not vouch for it", async () => {
    const businessId = business("unchecked");
    unchecked.sandbox.injectFaults({ kind: "reset" });
    const result = await sendTemplate(unchecked, thanks(businessId));
    expect(result).toMatchObject({
      __typename: "Message",
      status: "ACCEPTED",
      content: { __typename: "TemplateContent", template: { name: "thanks", language: "en", checkedAgainstCatalog: false } },
    });
    expect(requestsOf(unchecked, businessId, "template")).toHaveLength(1);
  });

  it("send-unchecked still refuses what the catalog, once readable, says is wrong", async () => {
    const businessId = business("checked-again");
    const result = await sendTemplate(unchecked, { ...thanks(businessId), template: { name: "spam_offer", language: "en" } });
    expect(result).toMatchObject({ __typename: "InvalidInputError", rule: "TEMPLATE_NOT_APPROVED" });
    expect(requestsOf(unchecked, businessId, "template")).toEqual([]);
  });
});

describe("crash recovery of a template message", () => {
  let t: TestGateway;
  beforeAll(async () => {
    // The test makes a stale row and runs recover() itself: no sweep may claim it first.
    t = await startTestGateway("tpl-recovery", {}, { recoverOnSchedule: false });
  });
  afterAll(() => t?.close());

  it("a stale PENDING template row becomes UNCONFIRMED with INTERRUPTED, and nothing is sent again", async () => {
    const prisma = t.gateway.database.prisma;
    const businessId = business("recover");
    const input = thanks(businessId, "crash-1");
    const sent = await sendTemplate(t, input);
    if (sent.__typename !== "Message") throw new Error(`expected a Message, got ${sent.__typename}`);
    // As a process that died after its call left it: PENDING, attempts 1, last touched an hour ago.
    await prisma.$executeRaw`UPDATE "Message" SET "status" = 'PENDING', "connectlyId" = NULL, "updatedAt" = ${new Date(Date.now() - 3_600_000)} WHERE "id" = ${sent.id}`;
    const before = requestsOf(t, businessId, "template").length;

    const report = await t.gateway.recover(new Date(Date.now() - 10 * 60 * 1000));
    expect(report).toEqual({ recovered: 1, accepted: 0, failed: 1 });
    const stored = await prisma.message.findUniqueOrThrow({ where: { id: sent.id } });
    expect(stored).toMatchObject({ status: "UNCONFIRMED", errorCode: "INTERRUPTED", attempts: 1, upstreamStatus: null });
    expect(stored.errorMessage).toMatch(/may have been sent.*no message id/);
    expect(requestsOf(t, businessId, "template")).toHaveLength(before);

    // A replay of the same messageId answers the stored message, still unsent again.
    const replay = await sendTemplate(t, input);
    expect(replay).toMatchObject({ __typename: "Message", id: sent.id, status: "UNCONFIRMED" });
    expect(requestsOf(t, businessId, "template")).toHaveLength(before);
  });
});
