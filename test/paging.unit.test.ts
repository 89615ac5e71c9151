/**
 * The connections' paging arguments and cursors: every rule of {first, after, last, before} with the
 * field it names, cursors that round-trip, refuse every other string (never throwing) and are
 * refused by another connection, and the page info of a read of one row more than asked.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cursorCodec, parsePaging, toPage, type CursorCodec, type PagingArgs } from "../src/graphql/paging.js";
import { MESSAGE_CURSOR } from "../src/graphql/resolvers/messages.js";
import { CONVERSATION_CURSOR } from "../src/graphql/resolvers/conversation.js";
import { CUSTOMER_CURSOR } from "../src/graphql/resolvers/customers.js";

const anyCodec: CursorCodec<unknown>[] = [MESSAGE_CURSOR, CONVERSATION_CURSOR, CUSTOMER_CURSOR] as CursorCodec<unknown>[];
const time = fc.date({ min: new Date(0), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true });
const ulid = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const messageCursor = fc.record({ createdAt: time, id: ulid });
const conversationCursor = fc.oneof(
  fc.record({ at: time, direction: fc.constant("OUTBOUND" as const), id: ulid }),
  fc.record({ at: time, direction: fc.constant("INBOUND" as const), id: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String) }),
);
const customerCursor = fc.record({
  lastInboundAt: time,
  customerId: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
});

const codec = cursorCodec<{ n: string }>(
  "test",
  (c) => [c.n],
  ([n]) => (n !== undefined && /^\d+$/.test(n) ? { n } : null),
);
const good = codec.encode({ n: "7" });

describe("parsePaging", () => {
  it("defaults to the first 50 from the start", () => {
    expect(parsePaging({}, codec)).toEqual({ request: { direction: "forward", size: 50, cursor: null }, issues: [] });
  });

  it("reads forward with first/after and backward with last/before", () => {
    expect(parsePaging({ first: 3, after: good }, codec).request).toEqual({ direction: "forward", size: 3, cursor: { n: "7" } });
    expect(parsePaging({ after: good }, codec).request).toEqual({ direction: "forward", size: 50, cursor: { n: "7" } });
    expect(parsePaging({ last: 100, before: good }, codec).request).toEqual({ direction: "backward", size: 100, cursor: { n: "7" } });
    expect(parsePaging({ last: 1 }, codec).request).toEqual({ direction: "backward", size: 1, cursor: null });
  });

  it.each<[string, PagingArgs, string, string]>([
    ["first 0", { first: 0 }, "first", "PAGE_SIZE"],
    ["first 101", { first: 101 }, "first", "PAGE_SIZE"],
    ["first -1", { first: -1 }, "first", "PAGE_SIZE"],
    ["last 0", { last: 0 }, "last", "PAGE_SIZE"],
    ["last 101", { last: 101 }, "last", "PAGE_SIZE"],
    ["first and last", { first: 1, last: 1 }, "last", "PAGE_DIRECTION"],
    ["after with last", { last: 2, after: good }, "after", "PAGE_DIRECTION"],
    ["before with first", { first: 2, before: good }, "before", "PAGE_DIRECTION"],
    ["before alone (the default is first)", { before: good }, "before", "PAGE_DIRECTION"],
    ["after and before", { after: good, before: good }, "before", "PAGE_DIRECTION"],
    ["after that is not a cursor", { after: "nope" }, "after", "CURSOR"],
    ["before that is not a cursor", { last: 1, before: "bm90LWEtY3Vyc29y" }, "before", "CURSOR"],
    ["an empty cursor", { after: "" }, "after", "CURSOR"],
  ])("refuses %s, naming the field and the rule", (_label, args, field, rule) => {
    const { request, issues } = parsePaging(args, codec);
    expect(request).toBeNull();
    expect(issues[0]).toMatchObject({ field, rule });
    expect(issues[0]!.message.startsWith(`${field} `)).toBe(true);
  });

  it("reports every broken rule", () => {
    const { issues } = parsePaging({ first: 0, last: 500, after: "x" }, codec);
    expect(issues.map((i) => [i.field, i.rule])).toEqual([
      ["first", "PAGE_SIZE"],
      ["last", "PAGE_SIZE"],
      ["last", "PAGE_DIRECTION"],
      ["after", "PAGE_DIRECTION"],
    ]);
  });
});

describe("cursors", () => {
  it("round-trip, for every connection", () => {
    fc.assert(
      fc.property(messageCursor, (c) => {
        expect(MESSAGE_CURSOR.decode(MESSAGE_CURSOR.encode(c))).toEqual(c);
      }),
    );
    fc.assert(
      fc.property(conversationCursor, (c) => {
        expect(CONVERSATION_CURSOR.decode(CONVERSATION_CURSOR.encode(c))).toEqual(c);
      }),
    );
    fc.assert(
      fc.property(customerCursor, (c) => {
        expect(CUSTOMER_CURSOR.decode(CUSTOMER_CURSOR.encode(c))).toEqual(c);
      }),
    );
  });

  it("are opaque: base64url only", () => {
    fc.assert(
      fc.property(conversationCursor, (c) => {
        expect(CONVERSATION_CURSOR.encode(c)).toMatch(/^[A-Za-z0-9_-]+$/);
      }),
    );
  });

  it("refuse any other string without throwing", () => {
    const strings = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.base64String({ maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), maxLength: 200 }),
      // Well-formed JSON of the wrong shape, encoded as a cursor would be.
      fc.json().map((j) => Buffer.from(j, "utf8").toString("base64url")),
      fc.array(fc.string(), { maxLength: 4 }).map((parts) => Buffer.from(JSON.stringify(["conversation", ...parts]), "utf8").toString("base64url")),
    );
    fc.assert(
      fc.property(strings, (s) => {
        for (const c of anyCodec) {
          const decoded = c.decode(s);
          // A string that decodes is exactly what the codec gives out for it.
          if (decoded !== null) expect(c.encode(decoded)).toBe(s);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("refuse a second spelling of a cursor (base64 padding, a stray character)", () => {
    const cursor = MESSAGE_CURSOR.encode({ createdAt: new Date(1_700_000_000_000), id: "01KAT8Z7M3Q0J4A1V2G9W5E6RX" });
    expect(MESSAGE_CURSOR.decode(cursor)).not.toBeNull();
    for (const spelling of [`${cursor}=`, `${cursor}==`, ` ${cursor}`, `${cursor}.`, `${cursor}A`]) expect(MESSAGE_CURSOR.decode(spelling)).toBeNull();
  });

  it("of one connection are refused by the others", () => {
    fc.assert(
      fc.property(messageCursor, conversationCursor, customerCursor, (m, c, k) => {
        expect(CONVERSATION_CURSOR.decode(MESSAGE_CURSOR.encode(m))).toBeNull();
        expect(CUSTOMER_CURSOR.decode(MESSAGE_CURSOR.encode(m))).toBeNull();
        expect(MESSAGE_CURSOR.decode(CONVERSATION_CURSOR.encode(c))).toBeNull();
        expect(CUSTOMER_CURSOR.decode(CONVERSATION_CURSOR.encode(c))).toBeNull();
        expect(MESSAGE_CURSOR.decode(CUSTOMER_CURSOR.encode(k))).toBeNull();
        expect(CONVERSATION_CURSOR.decode(CUSTOMER_CURSOR.encode(k))).toBeNull();
      }),
    );
  });

  it("refuse a time PostgreSQL cannot hold (before 1970, after year 9999)", () => {
    for (const at of ["-1", "253402300800000", "8640000000000000", "999999999999999"]) {
      const forged = Buffer.from(JSON.stringify(["conversation", at, "o", "01KAT8Z7M3Q0J4A1V2G9W5E6RX"]), "utf8").toString("base64url");
      expect(CONVERSATION_CURSOR.decode(forged)).toBeNull();
    }
    expect(CONVERSATION_CURSOR.decode(CONVERSATION_CURSOR.encode({ at: new Date(253402300799999), direction: "OUTBOUND", id: "M1" }))).not.toBeNull();
  });

  it("refuse an inbound id beyond bigint and a non-decimal one", () => {
    const at = new Date(0);
    for (const id of ["9223372036854775808", "0", "01", "-1", "1.5"]) {
      const forged = Buffer.from(JSON.stringify(["conversation", "0", "i", id]), "utf8").toString("base64url");
      expect(CONVERSATION_CURSOR.decode(forged)).toBeNull();
    }
    expect(CONVERSATION_CURSOR.decode(CONVERSATION_CURSOR.encode({ at, direction: "INBOUND", id: "9223372036854775807" }))).not.toBeNull();
  });
});

describe("toPage", () => {
  const edge = (n: number) => ({ cursor: `c${n}`, n });

  it("forward: the first size rows, more when one extra was read, a previous page when a cursor was given", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 11 }), fc.boolean(), (size, read, cursor) => {
        const rows = Array.from({ length: Math.min(read, size + 1) }, (_, i) => i);
        const page = toPage(rows, { direction: "forward", size, cursor: cursor ? {} : null }, edge);
        expect(page.edges.map((e) => e.n)).toEqual(rows.slice(0, size));
        expect(page.pageInfo).toEqual({
          hasNextPage: rows.length > size,
          hasPreviousPage: cursor,
          startCursor: rows.length > 0 ? "c0" : null,
          endCursor: rows.length > 0 ? `c${Math.min(rows.length, size) - 1}` : null,
        });
      }),
    );
  });

  it("backward: rows read nearest the cursor first come out in connection order", () => {
    const page = toPage([9, 8, 7, 6], { direction: "backward", size: 3, cursor: {} }, edge);
    expect(page.edges.map((e) => e.n)).toEqual([7, 8, 9]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: "c7", endCursor: "c9" });
    const last = toPage([2, 1], { direction: "backward", size: 5, cursor: null }, edge);
    expect(last.edges.map((e) => e.n)).toEqual([1, 2]);
    expect(last.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: "c1", endCursor: "c2" });
  });
});
