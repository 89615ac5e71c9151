/**
 * The DateTime scalar answers ISO 8601 UTC strings, already as strings: a result holding Date objects
 * prints the same JSON but takes V8's slow JSON.stringify path (about five times slower on a page).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "../src/graphql/schema.js";
import { isoString } from "../src/graphql/iso-time.js";

describe("DateTime", () => {
  it("serialises a Date to its ISO string", () => {
    expect(DateTime.serialize(new Date(Date.UTC(2026, 11, 1, 23, 27, 54, 463)))).toBe("2026-12-01T23:27:54.463Z");
  });

  it("serialises an RFC 3339 string with an offset to the UTC instant", () => {
    expect(DateTime.serialize("2026-12-02T05:00:00+05:30")).toBe("2026-12-01T23:30:00.000Z");
  });

  it("refuses an invalid Date", () => {
    expect(() => DateTime.serialize(new Date(Number.NaN))).toThrow(/invalid Date/);
  });

  it("still parses inputs to Dates", () => {
    expect(DateTime.parseValue("2026-12-01T23:30:00Z")).toEqual(new Date(Date.UTC(2026, 11, 1, 23, 30)));
  });
});

describe("isoString", () => {
  it("writes every instant of years 0000–9999 exactly as toISOString does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (time) => {
        const date = new Date(time);
        expect(isoString(date)).toBe(date.toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("writes the edges of days, months, leap years and the range as toISOString does", () => {
    const edges = [
      "0000-01-01T00:00:00.000Z",
      "0000-02-29T23:59:59.999Z",
      "1900-02-28T23:59:59.999Z",
      "1900-03-01T00:00:00.000Z",
      "1969-12-31T23:59:59.999Z",
      "1970-01-01T00:00:00.000Z",
      "2000-02-29T12:00:00.001Z",
      "2024-12-31T23:59:59.999Z",
      "2026-12-04T14:35:00.123Z",
      "9999-12-31T23:59:59.999Z",
    ];
    for (const text of edges) expect(isoString(new Date(text))).toBe(text);
  });

  it("leaves years outside 0000–9999 to toISOString and refuses an invalid Date as it does", () => {
    for (const time of [-62_167_219_200_001, 253_402_300_800_000, 8.64e15, -8.64e15]) expect(isoString(new Date(time))).toBe(new Date(time).toISOString());
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});
