/**
 * timestamptz text as PostgreSQL writes it to a session in UTC (`2026-12-04 14:35:00.123456+00`),
 * read into a Date by position: a page of 50 messages carries some 150 of them, and pg's general
 * parser was a tenth of its CPU (V8's ISO parser after rewriting the text, 0.4 µs each; this 0.15).
 * Anything of another form (BC, infinity, an offset, a year before 100) goes to pg's own parser.
 */
import pg from "pg";

const TIMESTAMPTZ_OID = 1184;
const pgTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (text: string) => Date | number | string | null;

/** The number written in text[from, to), or -1 when a character there is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

const at = (text: string, i: number, char: string): boolean => text.charCodeAt(i) === char.charCodeAt(0);

/** `YYYY-MM-DD HH:MM:SS[.f{1,6}]+00` as an instant, or null when the text is not of that form. */
function utcForm(text: string): Date | null {
  const n = text.length;
  if (n < 22 || n > 29 || n === 23 || !at(text, 4, "-") || !at(text, 7, "-") || !at(text, 10, " ") || !at(text, 13, ":") || !at(text, 16, ":")) return null;
  if (!at(text, n - 3, "+") || !at(text, n - 2, "0") || !at(text, n - 1, "0") || (n > 22 && !at(text, 19, "."))) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hours = digits(text, 11, 13);
  const minutes = digits(text, 14, 16);
  const seconds = digits(text, 17, 19);
  const fraction = n > 22 ? digits(text, 20, n - 3) : 0;
  // Date.UTC reads years 0–99 as 1900–1999, and rolls over out-of-range fields: neither is read here.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31 || fraction < 0) return null;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return null;
  const places = n > 22 ? n - 23 : 0;
  const ms = places <= 3 ? fraction * 10 ** (3 - places) : Math.floor(fraction / 10 ** (places - 3));
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, ms));
  // A day past the month's end (31 April) would roll over: that text was never PostgreSQL's.
  return date.getUTCDate() === day ? date : null;
}

export function parseTimestamptz(text: string): Date | number | string | null {
  return utcForm(text) ?? pgTimestamptz(text);
}
