/**
 * A page of messages is read in its order from an index on PostgreSQL: forward (newest first) and
 * backward, from the start and from a cursor, for a business and for a campaign, with and without
 * histories. Without such an index PostgreSQL sorts all of the business's messages for each page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../src/persistence/generated/prisma/client.js";
import { listStatement, type MessageListFilter } from "../src/persistence/messages.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { onPostgres } from "./support/seed.js";

describe.skipIf(!onPostgres())("message pages on PostgreSQL (EXPLAIN)", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("message-pages");
    const prisma = t.gateway.database.prisma;
    // 40 businesses of 1,000 messages, a third of each in one campaign, some in the same millisecond.
    await prisma.$executeRaw`
      INSERT INTO "Message" ("id", "businessId", "messageId", "recipientId", "contentType", "content", "requestBody", "status", "campaignName", "createdAt", "updatedAt")
      SELECT 'P' || lpad(g::text, 8, '0'), 'biz-pages-' || (g % 40), 'P' || g, '+16040000000', 'TEXT', '{}', '{}', 'ACCEPTED',
        CASE WHEN g % 3 = 0 THEN 'spring' END, now() - (g / 2) * interval '10 seconds', now()
      FROM generate_series(1, 40000) AS g`;
    await prisma.$executeRaw`ANALYZE "Message"`;
  });
  afterAll(async () => {
    await t?.close();
  });

  // In the middle of each business's messages: hundreds on either side.
  const cursor = { createdAt: new Date(Date.now() - 100_000_000), id: "P00020007" };
  const filters: [string, MessageListFilter][] = [
    ["a business", { businessId: "biz-pages-7" }],
    ["a campaign", { businessId: "biz-pages-7", campaignName: "spring" }],
  ];
  const pages = filters.flatMap(([label, filter]) =>
    (["forward", "backward"] as const).flatMap((direction) =>
      [null, cursor].flatMap((from) =>
        [null, { raw: false }].map((history) => ({
          label: `${label}, ${direction}${from ? " from a cursor" : ""}${history ? " with histories" : ""}`,
          filter,
          page: { direction, size: 50, cursor: from },
          history,
        })),
      ),
    ),
  );

  it.each(pages)("$label: an index scan in the page's order, no sort", async ({ filter, page, history }) => {
    const { statement } = listStatement(filter, page, history);
    const rows = await t.gateway.database.prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${statement}`);
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/Index Scan (Backward )?using "Message_businessId_(campaignName_)?createdAt_id_idx" on "Message"/);
    expect(plan).not.toMatch(/Sort Key: ("Message"\.)?"createdAt"/);
  });
});
