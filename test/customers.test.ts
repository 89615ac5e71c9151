/**
 * The customers connection over seeded sessions, through a real gateway: the one who wrote last
 * first (ties by id), each filter against sessionWindow's own answer for the same rows, totals,
 * paging both ways at every size seeing each customer once, and every argument rule. Times are
 * seeded relative to the real clock (the gateway's), at least half an hour from any window's edge.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionWindow, type CustomerRow } from "../src/persistence/customers.js";
import { CONVERSATION_CURSOR } from "../src/graphql/resolvers/conversation.js";
import { CustomersPageDocument, type CustomerFilter, type CustomersPageQuery, type CustomersPageQueryVariables } from "./generated/graphql.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { execute } from "./support/send.js";
import { seedSession } from "./support/seed.js";

const BUSINESS = "biz-customers";
const HOUR = 3_600_000;

/** Hours since the customer last wrote, and when (relative to that) their window was known closed. */
const SEEDS: { hoursAgo: number; closedAfterHours: number | null }[] = [
  { hoursAgo: 0.5, closedAfterHours: null },
  { hoursAgo: 1, closedAfterHours: null },
  { hoursAgo: 1, closedAfterHours: null },
  { hoursAgo: 1, closedAfterHours: 0.25 },
  { hoursAgo: 3, closedAfterHours: -1 },
  { hoursAgo: 5, closedAfterHours: 2 },
  { hoursAgo: 12, closedAfterHours: null },
  { hoursAgo: 20, closedAfterHours: null },
  { hoursAgo: 22.5, closedAfterHours: null },
  { hoursAgo: 23, closedAfterHours: null },
  { hoursAgo: 23, closedAfterHours: 22 },
  { hoursAgo: 26, closedAfterHours: null },
  { hoursAgo: 30, closedAfterHours: 25 },
  { hoursAgo: 48, closedAfterHours: 1 },
  { hoursAgo: 200, closedAfterHours: null },
];

describe("customers", () => {
  let t: TestGateway;
  let rows: CustomerRow[] = [];
  const seededAt = Date.now();

  const list = async (variables: Omit<CustomersPageQueryVariables, "businessId">): Promise<CustomersPageQuery["customers"]> => {
    const response = await execute(t, CustomersPageDocument, { businessId: BUSINESS, ...variables });
    expect(response.errors).toBeUndefined();
    return response.data!.customers;
  };

  /** The customers a filter must list, in the connection's order, by sessionWindow's reckoning. */
  const expected = (filter: CustomerFilter, now: number): string[] =>
    rows
      .filter((r) => {
        const w = sessionWindow(r, now);
        const at = r.lastInboundAt!.getTime();
        return (
          (filter.windowOpen == null || w.open === filter.windowOpen) &&
          (filter.windowClosesBefore == null || (w.open && w.expiresAt!.getTime() < Date.parse(filter.windowClosesBefore))) &&
          (filter.lastInboundAfter == null || at >= Date.parse(filter.lastInboundAfter)) &&
          (filter.lastInboundBefore == null || at < Date.parse(filter.lastInboundBefore))
        );
      })
      .sort((a, b) => b.lastInboundAt!.getTime() - a.lastInboundAt!.getTime() || (a.customerId < b.customerId ? -1 : 1))
      .map((r) => r.customerId);

  const iso = (hoursFromNow: number) => new Date(seededAt + hoursFromNow * HOUR).toISOString();
  const FILTERS: [string, CustomerFilter][] = [
    ["no filter", {}],
    ["window open", { windowOpen: true }],
    ["window closed", { windowOpen: false }],
    ["closing within 2.5 hours", { windowClosesBefore: iso(2.5) }],
    ["wrote in the last 12.5 hours", { lastInboundAfter: iso(-12.5) }],
    ["wrote more than 22 hours ago", { lastInboundBefore: iso(-22) }],
    ["open and wrote 2 to 24 hours ago", { windowOpen: true, lastInboundAfter: iso(-24), lastInboundBefore: iso(-2) }],
  ];

  beforeAll(async () => {
    t = await startTestGateway("customers");
    const prisma = t.gateway.database.prisma;
    rows = SEEDS.map((s, i) => {
      const lastInboundAt = new Date(seededAt - s.hoursAgo * HOUR);
      return {
        businessId: BUSINESS,
        // Ids of one length, not in time order.
        customerId: `+1604555${String((i * 37) % 100).padStart(2, "0")}${String(i).padStart(2, "0")}`,
        name: `Customer ${i}`,
        lastInboundAt,
        windowClosedAt: s.closedAfterHours === null ? null : new Date(lastInboundAt.getTime() + s.closedAfterHours * HOUR),
      };
    });
    for (const r of rows) await seedSession(prisma, { ...r, lastInboundAt: r.lastInboundAt! });
    await seedSession(prisma, { businessId: "biz-customers-other", customerId: "+16045559999", lastInboundAt: new Date(seededAt - HOUR) });
  });
  afterAll(() => t?.close());

  it.each(FILTERS)("%s: the customers sessionWindow picks, the one who wrote last first, with their total", async (_label, filter) => {
    const page = await list({ filter, first: 100 });
    const want = expected(filter, Date.now());
    expect(want.length).toBeGreaterThan(0);
    expect(page.edges.map((e) => e.node.id)).toEqual(want);
    expect(page.totalCount).toBe(want.length);
    for (const { node } of page.edges) {
      const row = rows.find((r) => r.customerId === node.id)!;
      const w = sessionWindow(row, Date.now());
      expect(node).toMatchObject({ businessId: BUSINESS, name: row.name, lastInboundAt: row.lastInboundAt!.toISOString() });
      expect(node.sessionWindow).toEqual({ open: w.open, expiresAt: w.expiresAt?.toISOString() ?? null });
    }
  });

  it("the filters split the customers as sessionWindow does (open and closed cover all, no overlap)", async () => {
    const open = (await list({ filter: { windowOpen: true }, first: 100 })).edges.map((e) => e.node.id);
    const closed = (await list({ filter: { windowOpen: false }, first: 100 })).edges.map((e) => e.node.id);
    expect([...open, ...closed].sort()).toEqual(rows.map((r) => r.customerId).sort());
    expect(open.filter((id) => closed.includes(id))).toEqual([]);
  });

  it("pages forward and backward at every size, each customer once, in order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: SEEDS.length + 1 }), fc.boolean(), fc.constantFrom(...FILTERS), async (size, backward, [, filter]) => {
        const want = expected(filter, Date.now());
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages <= want.length; pages++) {
          const current: CustomersPageQuery["customers"] = backward
            ? await list({ filter, last: size, before: cursor })
            : await list({ filter, first: size, after: cursor });
          const ids = current.edges.map((e) => e.node.id);
          expect(ids.length).toBeLessThanOrEqual(size);
          if (backward) seen.unshift(...ids);
          else seen.push(...ids);
          const more = backward ? current.pageInfo.hasPreviousPage : current.pageInfo.hasNextPage;
          expect(more).toBe(seen.length < want.length);
          if (!more) break;
          cursor = backward ? current.pageInfo.startCursor : current.pageInfo.endCursor;
        }
        expect(seen).toEqual(want);
      }),
      { numRuns: 15 },
    );
  });

  it("lists only the business's customers; a business nobody wrote to has none", async () => {
    const none = await execute(t, CustomersPageDocument, { businessId: "biz-customers-nobody" });
    expect(none.data!.customers).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 0,
    });
  });

  it.each<[string, Partial<CustomersPageQueryVariables>, string, string]>([
    ["an empty businessId", { businessId: "" }, "businessId", "BUSINESS_ID_FORMAT"],
    ["a businessId of 129 characters", { businessId: "b".repeat(129) }, "businessId", "BUSINESS_ID_FORMAT"],
    ["first 0", { first: 0 }, "first", "PAGE_SIZE"],
    ["last 101", { last: 101 }, "last", "PAGE_SIZE"],
    ["first and last", { first: 1, last: 1 }, "last", "PAGE_DIRECTION"],
    ["before with first", { first: 1, before: "x" }, "before", "PAGE_DIRECTION"],
    ["after with last", { last: 1, after: "x" }, "after", "PAGE_DIRECTION"],
    ["a cursor it never gave out", { after: "eyJ4IjoxfQ" }, "after", "CURSOR"],
    ["a conversation's cursor", { after: "conversation" }, "after", "CURSOR"],
  ])("refuses %s with BAD_USER_INPUT naming the field and rule", async (_label, variables, field, rule) => {
    const after = variables.after === "conversation" ? CONVERSATION_CURSOR.encode({ at: new Date(seededAt), direction: "INBOUND", id: "1" }) : variables.after;
    const response = await execute(t, CustomersPageDocument, { businessId: BUSINESS, ...variables, after });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
  });
});
