/**
 * The customers of a business, the one who wrote last first (lastInboundAt desc, then customerId),
 * read a page at a time from CustomerSession by its (businessId, lastInboundAt desc, customerId)
 * index, with the window filters computed in SQL exactly as sessionWindow (customers.ts) computes them.
 */
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { CustomerRow } from "./customers.js";
import type { PageRead } from "./messages.js";

export interface CustomerListFilter {
  readonly businessId: string;
  /** Open now (true) or closed now (false). */
  readonly windowOpen?: boolean | null;
  /** Open now, and closing before this time. */
  readonly windowClosesBefore?: Date | null;
  readonly lastInboundAfter?: Date | null;
  readonly lastInboundBefore?: Date | null;
}

/** A customer's place in the order. */
export interface CustomerCursor {
  readonly lastInboundAt: Date;
  readonly customerId: string;
}

/** A listed customer: one who wrote, so lastInboundAt is set. */
export type ListedCustomer = CustomerRow & { readonly lastInboundAt: Date };

export interface CustomerListStore {
  /**
   * A page of the business's customers matching the filter at `now`: forward, those after the
   * cursor; backward, those before it, nearest the cursor first. One more than the size tells
   * whether more follow.
   */
  list(filter: CustomerListFilter, read: PageRead<CustomerCursor>, now: number): Promise<ListedCustomer[]>;
  /** How many customers match the filter at `now`. */
  count(filter: CustomerListFilter, now: number): Promise<number>;
}

/**
 * sessionWindow's "known closed": closed at windowClosedAt when that is at or after the last
 * message and before its 24 hours ran out (the same 24 hours as sessionWindow's).
 */
const KNOWN_CLOSED = Prisma.sql`("windowClosedAt" IS NOT NULL AND "windowClosedAt" >= "lastInboundAt" AND "windowClosedAt" < "lastInboundAt" + interval '24 hours')`;

/** Open at `now`: within 24 hours of the last message and not known closed since. */
const openAt = (now: number): Prisma.Sql => Prisma.sql`("lastInboundAt" > ${new Date(now - 24 * 60 * 60 * 1000)} AND NOT ${KNOWN_CLOSED})`;

function filterConditions(filter: CustomerListFilter, now: number): Prisma.Sql[] {
  const conditions = [Prisma.sql`"businessId" = ${filter.businessId}`];
  if (filter.windowOpen === true) conditions.push(openAt(now));
  if (filter.windowOpen === false) conditions.push(Prisma.sql`NOT ${openAt(now)}`);
  if (filter.windowClosesBefore != null) conditions.push(Prisma.sql`${openAt(now)} AND "lastInboundAt" + interval '24 hours' < ${filter.windowClosesBefore}`);
  if (filter.lastInboundAfter != null) conditions.push(Prisma.sql`"lastInboundAt" >= ${filter.lastInboundAfter}`);
  if (filter.lastInboundBefore != null) conditions.push(Prisma.sql`"lastInboundAt" < ${filter.lastInboundBefore}`);
  return conditions;
}

/** Past the cursor: forward, wrote earlier (or at the same time with a later id); backward, the reverse. */
function pastCursor({ direction, cursor }: PageRead<CustomerCursor>): Prisma.Sql[] {
  if (cursor === null) return [];
  const { lastInboundAt: at, customerId: id } = cursor;
  return direction === "forward"
    ? [Prisma.sql`"lastInboundAt" <= ${at}`, Prisma.sql`("lastInboundAt" < ${at} OR "customerId" > ${id})`]
    : [Prisma.sql`"lastInboundAt" >= ${at}`, Prisma.sql`("lastInboundAt" > ${at} OR "customerId" < ${id})`];
}

function customerListStatement(filter: CustomerListFilter, read: PageRead<CustomerCursor>, now: number): Prisma.Sql {
  const where = Prisma.join([...filterConditions(filter, now), ...pastCursor(read)], " AND ");
  const order = read.direction === "forward" ? Prisma.sql`"lastInboundAt" DESC, "customerId" ASC` : Prisma.sql`"lastInboundAt" ASC, "customerId" DESC`;
  return Prisma.sql`
    SELECT "businessId", "customerId", "customerName", "lastInboundAt", "windowClosedAt" FROM "CustomerSession"
    WHERE ${where} ORDER BY ${order} LIMIT ${read.size + 1}`;
}

interface SessionColumns {
  readonly businessId: string;
  readonly customerId: string;
  readonly customerName: string | null;
  readonly lastInboundAt: Date;
  readonly windowClosedAt: Date | null;
}

const customerRow = (row: SessionColumns): ListedCustomer => ({
  businessId: row.businessId,
  customerId: row.customerId,
  name: row.customerName,
  lastInboundAt: row.lastInboundAt,
  windowClosedAt: row.windowClosedAt,
});

export function createCustomerListStore(prisma: PrismaClient): CustomerListStore {
  return {
    async list(filter, read, now) {
      const rows = await prisma.$queryRaw<SessionColumns[]>(customerListStatement(filter, read, now));
      return rows.map(customerRow);
    },
    async count(filter, now) {
      const [row] = await prisma.$queryRaw<{ count: number }[]>(
        Prisma.sql`SELECT CAST(count(*) AS integer) AS "count" FROM "CustomerSession" WHERE ${Prisma.join(filterConditions(filter, now), " AND ")}`,
      );
      return row?.count ?? 0;
    },
  };
}
