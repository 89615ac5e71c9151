/**
 * messageCounts against a seeded database: every count (total, each status, each delivery status
 * of the accepted, awaiting, answered) equals the count computed in JS from the same rows, for the
 * business, a campaign and random time ranges; every argument rule; and the statement's index use
 * on PostgreSQL.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../src/persistence/generated/prisma/client.js";
import { DELIVERY_STATUSES, MESSAGE_STATUSES, messageCountsStatement } from "../src/persistence/message-counts.js";
import { MessageCountsDocument, type MessageCountsQuery, type MessageCountsQueryVariables } from "./generated/graphql.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { execute } from "./support/send.js";
import { onPostgres, seedInbound, seedMessages, type SeedMessage } from "./support/seed.js";

const BUSINESS = "biz-counts";
const DAY = 86_400_000;
const CAMPAIGNS = [null, "spring", "fall"] as const;

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe("messageCounts", () => {
  let t: TestGateway;
  const start = Date.now() - 10 * DAY;
  const seeded: SeedMessage[] = [];
  const answered = new Set<string>();

  const counts = async (variables: Omit<MessageCountsQueryVariables, "businessId">, businessId = BUSINESS): Promise<MessageCountsQuery["messageCounts"]> => {
    const response = await execute(t, MessageCountsDocument, { businessId, ...variables });
    expect(response.errors).toBeUndefined();
    return response.data!.messageCounts;
  };

  /** The counts computed here from the seeded rows. */
  const expected = (campaignName: string | null, after: number | null, before: number | null) => {
    const rows = seeded.filter(
      (m) =>
        (campaignName === null || m.campaignName === campaignName) &&
        (after === null || m.createdAt.getTime() >= after) &&
        (before === null || m.createdAt.getTime() < before),
    );
    const accepted = rows.filter((m) => m.status === "ACCEPTED");
    return {
      total: rows.length,
      byStatus: MESSAGE_STATUSES.map((status) => ({ status, count: rows.filter((m) => m.status === status).length })),
      byDeliveryStatus: DELIVERY_STATUSES.map((deliveryStatus) => ({
        deliveryStatus,
        count: accepted.filter((m) => m.deliveryStatus === deliveryStatus).length,
      })),
      awaitingDeliveryStatus: accepted.filter((m) => m.deliveryStatus == null).length,
      answered: rows.filter((m) => answered.has(m.id)).length,
    };
  };

  beforeAll(async () => {
    t = await startTestGateway("message-counts");
    const prisma = t.gateway.database.prisma;
    const next = random(18);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    for (let i = 0; i < 400; i++) {
      const status = pick(MESSAGE_STATUSES);
      seeded.push({
        id: `C${String(i).padStart(5, "0")}`,
        businessId: BUSINESS,
        recipientId: `+160455${String(i % 50).padStart(5, "0")}`,
        createdAt: new Date(start + Math.floor(next() * 10 * DAY)),
        status,
        // Also a delivery status on a few unconfirmed ones: counted by status, not among the accepted.
        deliveryStatus: status === "ACCEPTED" || (status === "UNCONFIRMED" && next() < 0.5) ? pick([null, ...DELIVERY_STATUSES]) : null,
        campaignName: pick(CAMPAIGNS),
      });
    }
    await seedMessages(prisma, seeded);
    // Answers: some messages twice, and one answer of another business naming this business's message.
    const answers = seeded.filter(() => next() < 0.2).flatMap((m) => (next() < 0.3 ? [m, m] : [m]));
    await seedInbound(
      prisma,
      answers.map((m) => ({ businessId: BUSINESS, customerId: m.recipientId, occurredAt: new Date(m.createdAt.getTime() + 1000), inReplyToId: m.id })),
    );
    for (const m of answers) answered.add(m.id);
    // Answers stored before their message was known: unlinked, naming its Connectly id (replies finds them too).
    for (const m of seeded.filter((s) => !answered.has(s.id)).slice(0, 3)) {
      const connectlyId = `cly-${m.id}`;
      await prisma.message.update({ where: { id: m.id }, data: { connectlyId } });
      await seedInbound(prisma, [
        { businessId: BUSINESS, customerId: m.recipientId, occurredAt: new Date(m.createdAt.getTime() + 1000), replyToConnectlyId: connectlyId },
      ]);
      answered.add(m.id);
    }
    const unanswered = seeded.find((m) => !answered.has(m.id))!;
    await seedInbound(prisma, [{ businessId: "biz-counts-other", customerId: unanswered.recipientId, occurredAt: new Date(), inReplyToId: unanswered.id }]);
    await seedMessages(prisma, [{ id: "COTHER", businessId: "biz-counts-other", recipientId: "+16045550000", createdAt: new Date(start + DAY) }]);
  });
  afterAll(() => t?.close());

  it("counts the whole business: every status and delivery status, zeros included", async () => {
    const result = await counts({});
    expect(result).toEqual({ businessId: BUSINESS, campaignName: null, createdAfter: null, createdBefore: null, ...expected(null, null, null) });
    expect(result.total).toBe(400);
    expect(result.byStatus.map((s) => s.status)).toEqual(["PENDING", "ACCEPTED", "FAILED", "UNCONFIRMED"]);
    expect(result.byDeliveryStatus.map((s) => s.deliveryStatus)).toEqual(["SENT", "DELIVERED", "FAILED", "READ"]);
    expect(result.answered).toBeGreaterThan(0);
  });

  it("a business with no messages counts zeros", async () => {
    const result = await counts({}, "biz-counts-empty");
    expect(result.total).toBe(0);
    expect(result.byStatus.every((s) => s.count === 0)).toBe(true);
    expect(result.byDeliveryStatus.every((s) => s.count === 0)).toBe(true);
  });

  it("counts a campaign over a range [createdAfter, createdBefore), either bound left out, as computed from the rows", async () => {
    const instant = fc.integer({ min: start - DAY, max: start + 11 * DAY });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CAMPAIGNS), fc.option(instant), fc.option(instant), async (campaignName, a, b) => {
        const [after, before] = a !== null && b !== null && a >= b ? [b, a === b ? a + 1 : a] : [a, b];
        const variables = {
          campaignName,
          createdAfter: after === null ? null : new Date(after).toISOString(),
          createdBefore: before === null ? null : new Date(before).toISOString(),
        };
        expect(await counts(variables)).toEqual({ businessId: BUSINESS, ...variables, ...expected(campaignName, after, before) });
      }),
      { numRuns: 30 },
    );
  });

  it("a bound is exact to the millisecond: createdAfter includes, createdBefore excludes", async () => {
    const m = seeded[7]!;
    const at = m.createdAt.toISOString();
    const atOrAfter = await counts({ createdAfter: at, createdBefore: new Date(m.createdAt.getTime() + 1).toISOString() });
    expect(atOrAfter.total).toBe(seeded.filter((s) => s.createdAt.getTime() === m.createdAt.getTime()).length);
    const before = await counts({ createdAfter: new Date(m.createdAt.getTime() - 1).toISOString(), createdBefore: at });
    expect(before.total).toBe(seeded.filter((s) => s.createdAt.getTime() === m.createdAt.getTime() - 1).length);
  });

  it.each<[string, Partial<MessageCountsQueryVariables>, string, string]>([
    ["an empty businessId", { businessId: "" }, "businessId", "BUSINESS_ID_FORMAT"],
    ["a businessId with a slash", { businessId: "biz/1" }, "businessId", "BUSINESS_ID_FORMAT"],
    ["a blank campaignName", { campaignName: "  " }, "campaignName", "NOT_BLANK"],
    ["a campaignName of 129 characters", { campaignName: "c".repeat(129) }, "campaignName", "MAX_LENGTH"],
    ["createdAfter equal to createdBefore", { createdAfter: "2026-01-01T00:00:00Z", createdBefore: "2026-01-01T00:00:00Z" }, "createdAfter", "TIME_RANGE"],
    ["createdAfter after createdBefore", { createdAfter: "2026-01-02T00:00:00Z", createdBefore: "2026-01-01T00:00:00Z" }, "createdAfter", "TIME_RANGE"],
  ])("refuses %s with BAD_USER_INPUT naming the field and rule", async (_label, variables, field, rule) => {
    const response = await execute(t, MessageCountsDocument, { businessId: BUSINESS, ...variables });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
  });

  it.skipIf(!onPostgres())("counts by an index of Message on PostgreSQL (EXPLAIN)", async () => {
    const prisma = t.gateway.database.prisma;
    await prisma.$executeRaw`
      INSERT INTO "Message" ("id", "businessId", "messageId", "recipientId", "contentType", "content", "requestBody", "status", "campaignName", "createdAt", "updatedAt")
      SELECT 'W' || lpad(g::text, 8, '0'), 'biz-volume-' || (g % 40), 'W' || g, '+16040000000', 'TEXT', '{}', '{}', 'ACCEPTED',
        CASE WHEN g % 3 = 0 THEN 'spring' END, now() - g * interval '10 seconds', now()
      FROM generate_series(1, 40000) AS g`;
    await prisma.$executeRaw`ANALYZE "Message"`;
    const now = Date.now();
    const filters = [
      { businessId: "biz-volume-7", campaignName: null, createdAfter: null, createdBefore: null },
      { businessId: "biz-volume-7", campaignName: "spring", createdAfter: null, createdBefore: null },
      { businessId: "biz-volume-7", campaignName: null, createdAfter: new Date(now - DAY), createdBefore: new Date(now) },
      { businessId: "biz-volume-7", campaignName: "spring", createdAfter: new Date(now - DAY), createdBefore: null },
    ];
    for (const filter of filters) {
      const rows = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${messageCountsStatement(filter)}`);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).not.toMatch(/Seq Scan on "Message"/);
      expect(plan).toMatch(/(Index|Index Only|Bitmap Heap) Scan[^\n]* on "Message"/);
    }
  });
});
