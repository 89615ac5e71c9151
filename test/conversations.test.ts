/**
 * The conversation connection over a seeded database, through a real gateway over HTTP: both
 * directions in one time order with same-second (and same-millisecond) ties, paging forward and
 * backward at every page size seeing each entry exactly once, totals, the customer's window, every
 * argument rule, and the statement's index use on PostgreSQL. Also the messages connection paged
 * backward with its total, and messageByMessageId.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../src/persistence/generated/prisma/client.js";
import { conversationCountStatement, conversationStatement } from "../src/persistence/conversations.js";
import { CONVERSATION_CURSOR } from "../src/graphql/resolvers/conversation.js";
import { MESSAGE_CURSOR } from "../src/graphql/resolvers/messages.js";
import {
  ConversationPageDocument,
  ConversationTotalDocument,
  MessageByMessageIdDocument,
  MessagesBothWaysDocument,
  type ConversationPageQuery,
  type ConversationPageQueryVariables,
  type MessagesBothWaysQuery,
  type MessagesBothWaysQueryVariables,
} from "./generated/graphql.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { sendText } from "./support/messages.js";
import { execute } from "./support/send.js";
import { onPostgres, seedInbound, seedMessages, seedSession, type SeedMessage } from "./support/seed.js";

const BUSINESS = "biz-conv";
const CUSTOMER = "+16045550101";
const HOUR = 3_600_000;

/** An entry as the test expects it: its direction, id and time. */
interface Expected {
  readonly direction: "OUTBOUND" | "INBOUND";
  readonly id: string;
  readonly at: number;
}

/** The documented order: time, then a sent message before a received one, then the id (text, or number). */
const byConversationOrder = (a: Expected, b: Expected): number => {
  const second = (at: number) => Math.floor(at / 1000);
  if (second(a.at) !== second(b.at)) return second(a.at) - second(b.at);
  if (a.direction !== b.direction) return a.direction === "OUTBOUND" ? -1 : 1;
  if (a.at !== b.at) return a.at - b.at;
  if (a.direction === "INBOUND") return Number(BigInt(a.id) - BigInt(b.id));
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

type Edge = ConversationPageQuery["conversation"]["edges"][number];
const identity = (edge: Edge): Expected => {
  const cursor = CONVERSATION_CURSOR.decode(edge.cursor);
  if (!cursor) throw new Error(`not a conversation cursor: ${edge.cursor}`);
  return { direction: edge.direction, id: edge.node.__typename === "Message" ? edge.node.id : cursor.id, at: Date.parse(edge.at) };
};

describe("conversation", () => {
  let t: TestGateway;
  let expected: Expected[] = [];
  /** Whole seconds, an hour ago: inbound times are whole seconds. */
  const base = Math.floor((Date.now() - HOUR) / 1000) * 1000;

  const page = async (variables: Omit<ConversationPageQueryVariables, "businessId" | "customerId">, customerId = CUSTOMER) => {
    const response = await execute(t, ConversationPageDocument, { businessId: BUSINESS, customerId, ...variables });
    expect(response.errors).toBeUndefined();
    return response.data!.conversation;
  };

  beforeAll(async () => {
    t = await startTestGateway("conversations");
    const prisma = t.gateway.database.prisma;
    // Sent messages at whole seconds (tying with inbound ones), several in the same millisecond, and between.
    const offsets = [0, 0, 0, 1000, 1000, 1500, 2000, 2000, 2001, 3000, 4999, 5000, 5000, 5000, 5500, 7000, 9000, 9000, 12_000];
    const outbound: SeedMessage[] = offsets.map((offset, i) => ({
      // Ids not in time order, of one length and alphabet so every collation sorts them alike.
      id: `M${String((i * 7919) % 1000).padStart(4, "0")}${i.toString().padStart(2, "0")}`,
      businessId: BUSINESS,
      recipientId: CUSTOMER,
      createdAt: new Date(base + offset),
    }));
    await seedMessages(prisma, outbound);
    // Inbound at whole seconds, stored out of time order so their ids do not follow their times.
    const inboundSeconds = [5, 0, 9, 0, 2, 5, 5, 1, 12, 3, 0, 14];
    const inboundIds = await seedInbound(
      prisma,
      inboundSeconds.map((s) => ({ businessId: BUSINESS, customerId: CUSTOMER, occurredAt: new Date(base + s * 1000) })),
    );
    // What must never show: another customer of the business, the same customer of another business.
    await seedMessages(prisma, [
      { id: "MOTHER0001", businessId: BUSINESS, recipientId: "+16045550199", createdAt: new Date(base) },
      { id: "MOTHER0002", businessId: "biz-conv-other", recipientId: CUSTOMER, createdAt: new Date(base) },
    ]);
    await seedInbound(prisma, [
      { businessId: BUSINESS, customerId: "+16045550199", occurredAt: new Date(base) },
      { businessId: "biz-conv-other", customerId: CUSTOMER, occurredAt: new Date(base) },
    ]);
    await seedSession(prisma, { businessId: BUSINESS, customerId: CUSTOMER, lastInboundAt: new Date(base + 14_000), name: "Ana" });
    expected = [
      ...outbound.map((m) => ({ direction: "OUTBOUND" as const, id: m.id, at: m.createdAt.getTime() })),
      ...inboundIds.map((id, i) => ({ direction: "INBOUND" as const, id, at: base + inboundSeconds[i]! * 1000 })),
    ].sort(byConversationOrder);
  });
  afterAll(() => t?.close());

  it("lists both directions oldest first: within a second the sent messages before the received ones, then by time and id", async () => {
    const all = await page({ first: 100 });
    expect(all.edges.map(identity)).toEqual(expected);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    for (const edge of all.edges) {
      expect(edge.node.__typename).toBe(edge.direction === "OUTBOUND" ? "Message" : "InboundMessage");
      if (edge.node.__typename === "Message") expect(edge.node.createdAt).toBe(edge.at);
    }
  });

  it("pages forward and backward at every size, each entry exactly once, in order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: expected.length + 1 }), fc.boolean(), async (size, backward) => {
        const seen: Expected[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages <= expected.length; pages++) {
          const current: ConversationPageQuery["conversation"] = backward
            ? await page({ last: size, before: cursor })
            : await page({ first: size, after: cursor });
          const entries = current.edges.map(identity);
          expect(entries.length).toBeLessThanOrEqual(size);
          if (backward) seen.unshift(...entries);
          else seen.push(...entries);
          // The side read toward is exact; the other side has entries once a cursor was passed.
          expect(backward ? current.pageInfo.hasNextPage : current.pageInfo.hasPreviousPage).toBe(cursor !== null);
          const more = backward ? current.pageInfo.hasPreviousPage : current.pageInfo.hasNextPage;
          expect(more).toBe(seen.length < expected.length);
          if (!more) break;
          cursor = backward ? current.pageInfo.startCursor : current.pageInfo.endCursor;
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it("last: N is the newest N; before a cursor, the ones just older", async () => {
    const newest = await page({ last: 5 });
    expect(newest.edges.map(identity)).toEqual(expected.slice(-5));
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const older = await page({ last: 3, before: newest.pageInfo.startCursor });
    expect(older.edges.map(identity)).toEqual(expected.slice(-8, -5));
    const after = await page({ first: 2, after: older.pageInfo.endCursor });
    expect(after.edges.map(identity)).toEqual(expected.slice(-5, -3));
  });

  it("counts both directions, only that customer's of that business", async () => {
    const response = await execute(t, ConversationTotalDocument, { businessId: BUSINESS, customerId: CUSTOMER });
    expect(response.errors).toBeUndefined();
    expect(response.data!.conversation.totalCount).toBe(expected.length);
    const other = await execute(t, ConversationTotalDocument, { businessId: "biz-conv-other", customerId: CUSTOMER });
    expect(other.data!.conversation.totalCount).toBe(2);
  });

  it("carries the customer and their window; a customer never seen has an empty conversation and a closed window", async () => {
    const conversation = await page({ first: 1 });
    expect(conversation.businessId).toBe(BUSINESS);
    expect(conversation.customer).toEqual({ id: CUSTOMER, lastInboundAt: new Date(base + 14_000).toISOString() });
    expect(conversation.sessionWindow).toEqual({ open: true, expiresAt: new Date(base + 14_000 + 24 * HOUR).toISOString() });
    const nobody = await page({ first: 10 }, "+16045550000");
    expect(nobody.edges).toEqual([]);
    expect(nobody.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(nobody.sessionWindow).toEqual({ open: false, expiresAt: null });
    expect(nobody.customer).toEqual({ id: "+16045550000", lastInboundAt: null });
  });

  const messagesCursor = () => MESSAGE_CURSOR.encode({ createdAt: new Date(base), id: "M000000" });
  it.each<[string, Partial<ConversationPageQueryVariables>, string, string]>([
    ["first 0", { first: 0 }, "first", "PAGE_SIZE"],
    ["first 101", { first: 101 }, "first", "PAGE_SIZE"],
    ["last 0", { last: 0 }, "last", "PAGE_SIZE"],
    ["last 101", { last: 101 }, "last", "PAGE_SIZE"],
    ["first and last", { first: 2, last: 2 }, "last", "PAGE_DIRECTION"],
    ["after with last", { last: 2, after: "x" }, "after", "PAGE_DIRECTION"],
    ["before with first", { first: 2, before: "x" }, "before", "PAGE_DIRECTION"],
    ["a cursor it never gave out", { first: 2, after: "bm90LWEtY3Vyc29y" }, "after", "CURSOR"],
    ["a messages cursor", { last: 2, before: "messages" }, "before", "CURSOR"],
    ["an empty businessId", { businessId: "" }, "businessId", "BUSINESS_ID_FORMAT"],
    ["a businessId with a space", { businessId: "biz conv" }, "businessId", "BUSINESS_ID_FORMAT"],
    ["a blank customerId", { customerId: "  " }, "customerId", "NOT_BLANK"],
    ["a customerId of 257 characters", { customerId: "1".repeat(257) }, "customerId", "MAX_LENGTH"],
    ["a customerId with NUL", { customerId: "+1604\u0000" }, "customerId", "NO_NUL"],
  ])("refuses %s with BAD_USER_INPUT naming the field and rule", async (_label, variables, field, rule) => {
    const resolved = variables.before === "messages" ? { ...variables, before: messagesCursor() } : variables;
    const response = await execute(t, ConversationPageDocument, { businessId: BUSINESS, customerId: CUSTOMER, ...resolved });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
  });

  it.skipIf(!onPostgres())("reads both tables by their indexes on PostgreSQL (EXPLAIN)", async () => {
    const prisma = t.gateway.database.prisma;
    // Volume in other businesses, so the planner's choice is the one a big table gets.
    await prisma.$executeRaw`
      INSERT INTO "Message" ("id", "businessId", "messageId", "recipientId", "contentType", "content", "requestBody", "status", "createdAt", "updatedAt")
      SELECT 'V' || lpad(g::text, 8, '0'), 'biz-volume-' || (g % 40), 'V' || g, '+1604' || lpad((g % 500)::text, 7, '0'), 'TEXT', '{}', '{}',
        'ACCEPTED', now() - g * interval '1 second', now()
      FROM generate_series(1, 30000) AS g`;
    await prisma.$executeRaw`
      INSERT INTO "InboundMessage" ("bodyHash", "businessId", "businessNumber", "customerId", "kind", "content", "occurredAt", "raw")
      SELECT 'vol' || g, 'biz-volume-' || (g % 40), '+16044440000', '+1604' || lpad((g % 500)::text, 7, '0'), 'TEXT', '{}',
        date_trunc('second', now() - g * interval '1 second'), '{}'
      FROM generate_series(1, 30000) AS g`;
    await prisma.$executeRaw`ANALYZE "Message"`;
    await prisma.$executeRaw`ANALYZE "InboundMessage"`;
    const customer = "+16040000007";
    const at = new Date(Date.now() - 10 * HOUR);
    const statements = [
      conversationStatement("biz-volume-7", customer, { direction: "forward", size: 50, cursor: null }),
      conversationStatement("biz-volume-7", customer, { direction: "forward", size: 50, cursor: { at, direction: "OUTBOUND", id: "V00000007" } }),
      conversationStatement("biz-volume-7", customer, { direction: "backward", size: 50, cursor: { at, direction: "INBOUND", id: "12345" } }),
      conversationCountStatement("biz-volume-7", customer),
    ];
    for (const statement of statements) {
      const rows = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${statement}`);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).not.toMatch(/Seq Scan/);
      expect(plan).toMatch(/Index (Only )?Scan[^\n]* on "Message"/);
      expect(plan).toMatch(/Index (Only )?Scan[^\n]* on "InboundMessage"/);
    }
  });
});

describe("messages both ways, totalCount, messageByMessageId", () => {
  let t: TestGateway;
  const BIZ = "biz-msgs-both";
  const base = Date.now() - 2 * HOUR;
  /** Newest first, as the connection lists them. */
  let newestFirst: SeedMessage[] = [];

  const messages = async (variables: MessagesBothWaysQueryVariables): Promise<MessagesBothWaysQuery["messages"]> => {
    const response = await execute(t, MessagesBothWaysDocument, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.messages;
  };

  beforeAll(async () => {
    t = await startTestGateway("messages-both-ways");
    const rows: SeedMessage[] = Array.from({ length: 23 }, (_, i) => ({
      id: `N${String(i).padStart(4, "0")}`,
      businessId: BIZ,
      recipientId: i % 3 === 0 ? "+16045550301" : "+16045550302",
      // Pairs in the same millisecond.
      createdAt: new Date(base + Math.floor(i / 2) * 1000),
    }));
    await seedMessages(t.gateway.database.prisma, rows);
    newestFirst = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  });
  afterAll(() => t?.close());

  it("last/before reads the newer messages before a cursor, in the connection's order (newest first)", async () => {
    const filter = { businessId: BIZ };
    const oldest = await messages({ filter, last: 4 });
    expect(oldest.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(-4).map((m) => m.id));
    expect(oldest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const newer = await messages({ filter, last: 5, before: oldest.pageInfo.startCursor });
    expect(newer.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(-9, -4).map((m) => m.id));
    expect(newer.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("pages both ways at every size, each message once, and counts the filter's messages", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.boolean(), async (size, backward, oneRecipient) => {
        const filter = oneRecipient ? { businessId: BIZ, recipient: "+16045550301" } : { businessId: BIZ };
        const want = newestFirst.filter((m) => !oneRecipient || m.recipientId === "+16045550301").map((m) => m.id);
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages <= want.length; pages++) {
          const current: MessagesBothWaysQuery["messages"] = backward
            ? await messages({ filter, last: size, before: cursor })
            : await messages({ filter, first: size, after: cursor });
          expect(current.totalCount).toBe(want.length);
          const ids = current.edges.map((e) => e.node.id);
          if (backward) seen.unshift(...ids);
          else seen.push(...ids);
          const more = backward ? current.pageInfo.hasPreviousPage : current.pageInfo.hasNextPage;
          if (!more) break;
          cursor = backward ? current.pageInfo.startCursor : current.pageInfo.endCursor;
        }
        expect(seen).toEqual(want);
      }),
      { numRuns: 10 },
    );
  });

  it.each<[string, Partial<MessagesBothWaysQueryVariables>, string, string]>([
    ["last 0", { last: 0 }, "last", "PAGE_SIZE"],
    ["last 101", { last: 101 }, "last", "PAGE_SIZE"],
    ["first and last", { first: 1, last: 1 }, "last", "PAGE_DIRECTION"],
    ["before with first", { first: 1, before: "x" }, "before", "PAGE_DIRECTION"],
    ["after with last", { last: 1, after: "x" }, "after", "PAGE_DIRECTION"],
    ["a conversation cursor", { last: 1, before: "conversation" }, "before", "CURSOR"],
  ])("refuses %s", async (_label, variables, field, rule) => {
    const before =
      variables.before === "conversation" ? CONVERSATION_CURSOR.encode({ at: new Date(base), direction: "OUTBOUND", id: "N0001" }) : variables.before;
    const response = await execute(t, MessagesBothWaysDocument, { filter: { businessId: BIZ }, ...variables, before });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
  });

  it("finds a message by the client's messageId, or by the gateway's id when the client gave none; never another business's", async () => {
    const chosen = await sendText(t, "biz-by-id", "+16045550401", { messageId: "order-1234:v2" });
    const unnamed = await sendText(t, "biz-by-id", "+16045550401");
    const lookup = async (businessId: string, messageId: string) => {
      const response = await execute(t, MessageByMessageIdDocument, { businessId, messageId });
      expect(response.errors).toBeUndefined();
      return response.data!.messageByMessageId;
    };
    expect(await lookup("biz-by-id", "order-1234:v2")).toEqual({ id: chosen.id, messageId: "order-1234:v2", businessId: "biz-by-id" });
    expect(await lookup("biz-by-id", unnamed.id)).toEqual({ id: unnamed.id, messageId: unnamed.id, businessId: "biz-by-id" });
    expect(await lookup("biz-by-id-other", "order-1234:v2")).toBeNull();
    expect(await lookup("biz-by-id", "order-9999")).toBeNull();
  });

  it.each([
    ["an empty businessId", { businessId: "", messageId: "m-1" }, "businessId", "BUSINESS_ID_FORMAT"],
    ["a messageId with a space", { businessId: "biz-by-id", messageId: "m 1" }, "messageId", "MESSAGE_ID_FORMAT"],
    ["a messageId of 129 characters", { businessId: "biz-by-id", messageId: "m".repeat(129) }, "messageId", "MESSAGE_ID_FORMAT"],
    ["a messageId with NUL", { businessId: "biz-by-id", messageId: "m\u0000" }, "messageId", "NO_NUL"],
  ])("messageByMessageId refuses %s", async (_label, variables, field, rule) => {
    const response = await execute(t, MessageByMessageIdDocument, variables);
    expect(response.data?.messageByMessageId ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
  });
});
