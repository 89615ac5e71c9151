/**
 * timestamptz text read by position gives the instant pg's own parser gives, for every instant
 * PostgreSQL can write to a session in UTC, and hands every other form to pg's parser.
 */
import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseTimestamptz } from "../src/persistence/timestamps.js";

const pgParser = pg.types.getTypeParser(1184, "text") as (text: string) => unknown;

/** The text PostgreSQL writes for an instant and microseconds, at a precision of `places` (trailing zeros dropped, as it does). */
function pgText(ms: number, micros: number, places: number): string {
  const iso = new Date(ms).toISOString();
  const fraction = (String(new Date(ms).getUTCMilliseconds()).padStart(3, "0") + String(micros).padStart(3, "0")).slice(0, places).replace(/0+$/, "");
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ""}+00`;
}

describe("parseTimestamptz", () => {
  it("reads every instant of years 100–9999, at every precision PostgreSQL writes, as pg's parser does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -59_011_459_200_000, max: 253_402_300_799_999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 6 }),
        (ms, micros, places) => {
          const text = pgText(ms, micros, places);
          const read = parseTimestamptz(text);
          expect(read).toBeInstanceOf(Date);
          expect((read as Date).getTime()).toBe((pgParser(text) as Date).getTime());
          // Milliseconds as written, the rest of the fraction dropped.
          expect((read as Date).getTime()).toBe(new Date(`${text.slice(0, 10)}T${text.slice(11, Math.min(text.length - 3, 23))}Z`).getTime());
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("hands other forms to pg's parser: BC, infinity, offsets, years before 100, impossible days", () => {
    for (const text of [
      "infinity",
      "-infinity",
      "0044-03-15 12:00:00+00 BC",
      "2026-12-04 14:35:00+05:30",
      "2026-12-04 14:35:00.5-08",
      "0099-12-31 23:59:59.999+00",
      "2026-02-31 00:00:00+00",
      "2026-12-04 14:35:00.+00",
    ]) {
      expect(parseTimestamptz(text)).toEqual(pgParser(text));
    }
  });

  it("never reads a text of another shape differently from pg's parser", () => {
    const char = fc.constantFrom(..."0123456789-: .+T".split(""));
    fc.assert(
      fc.property(fc.array(char, { minLength: 20, maxLength: 30 }), (chars) => {
        const text = chars.join("");
        const read = parseTimestamptz(text);
        const expected = pgParser(text);
        if (read instanceof Date && expected instanceof Date) expect(read.getTime()).toEqual(expected.getTime());
        else expect(read).toEqual(expected);
      }),
      { numRuns: 20_000 },
    );
  });
});
