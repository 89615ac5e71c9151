/**
 * Relay cursor connections, both ways: one parser of {first, after, last, before} with the rules the
 * SDL states, opaque cursors tagged per connection, and the page (with its PageInfo) from a read of
 * one row more than asked.
 */
import { z } from "zod";
import { checkValue, VALUES, type ValidationIssue } from "../validation/values.js";
import type { PageRead } from "../persistence/messages.js";
import type { PageInfoValue } from "./parents.js";

/** The size when neither first nor last is given. */
const DEFAULT_PAGE_SIZE = 50;

/** Cursors longer than this were never given out: refused before decoding. */
const MAX_CURSOR_LENGTH = 1024;

/**
 * What to read: `size` entries from `cursor` (from the start, or the end, when null); forward the
 * entries after it (first/after), backward the entries before it (last/before).
 */
export type PageRequest<C> = PageRead<C>;

export interface PagingArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/** A connection's cursors: encode gives out an opaque string; decode takes back only what encode gave (null otherwise). */
export interface CursorCodec<C> {
  encode(cursor: C): string;
  decode(value: string): C | null;
}

/**
 * A codec whose cursors carry `tag` (so one connection refuses another's) and the parts of a
 * position, as base64url of a JSON array; `fromParts` returns null for parts it does not take.
 */
export function cursorCodec<C>(tag: string, toParts: (cursor: C) => readonly string[], fromParts: (parts: readonly string[]) => C | null): CursorCodec<C> {
  const encode = (cursor: C): string => Buffer.from(JSON.stringify([tag, ...toParts(cursor)]), "utf8").toString("base64url");
  return {
    encode,
    decode(value) {
      if (value.length === 0 || value.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
      } catch {
        return null;
      }
      if (!Array.isArray(parsed) || parsed[0] !== tag || !parsed.every((p) => typeof p === "string")) return null;
      const cursor = fromParts(parsed.slice(1));
      // Only the exact text encode gives out: no second spelling of one position.
      return cursor !== null && encode(cursor) === value ? cursor : null;
    },
  };
}

/** Milliseconds since the epoch as a cursor part, and back (null unless it is one). */
export const timePart = (at: Date): string => String(at.getTime());
// From 1970 to the end of year 9999: what PostgreSQL stores, and all a cursor the gateway gave out holds.
const MAX_TIME_MS = 253_402_300_799_999;
export const parseTimePart = (part: string | undefined): Date | null =>
  part !== undefined && /^\d{1,15}$/.test(part) && Number(part) <= MAX_TIME_MS ? new Date(Number(part)) : null;

const sizeRule = z.object({ first: VALUES.pageSize.optional(), last: VALUES.pageSize.optional() });

const issue = (field: string, rule: ValidationIssue["rule"], message: string): ValidationIssue => ({ field, rule, message: `${field} ${message}.` });

/**
 * The page a connection's arguments ask for, or the rules they break: first or last (1 to 100,
 * default first 50), not both; after only with first, before only with last; cursors of this
 * connection only. Fields are named as the arguments are.
 */
export function parsePaging<C>(
  args: PagingArgs,
  codec: CursorCodec<C>,
): { request: PageRequest<C>; issues: [] } | { request: null; issues: ValidationIssue[] } {
  const { first, after, last, before } = args;
  const issues: ValidationIssue[] = checkValue(sizeRule, { first: first ?? undefined, last: last ?? undefined }, "");
  if (first != null && last != null) issues.push(issue("last", "PAGE_DIRECTION", "cannot be given with first: give one of them"));
  if (after != null && last != null) issues.push(issue("after", "PAGE_DIRECTION", "goes with first, not last (pass before with last)"));
  if (before != null && last == null) issues.push(issue("before", "PAGE_DIRECTION", "goes with last (pass after with first)"));
  const backward = last != null;
  const cursorText = backward ? before : after;
  const cursor = cursorText == null ? null : codec.decode(cursorText);
  if (cursorText != null && cursor === null)
    issues.push(issue(backward ? "before" : "after", "CURSOR", "is not a cursor this gateway gave out for this connection"));
  if (issues.length > 0) return { request: null, issues };
  return { request: { direction: backward ? "backward" : "forward", size: (backward ? last : first) ?? DEFAULT_PAGE_SIZE, cursor }, issues: [] };
}

/**
 * The page from `rows` read in the request's direction (nearest the cursor first, one more than
 * `size` when more follow), in connection order. The side read toward is known exactly; the other
 * side has entries exactly when a cursor was given (the entry it names, at least).
 */
export function toPage<R, E extends { readonly cursor: string }>(
  rows: readonly R[],
  request: PageRequest<unknown>,
  edgeOf: (row: R) => E,
): { edges: E[]; pageInfo: PageInfoValue } {
  const more = rows.length > request.size;
  const read = rows.slice(0, request.size);
  const edges = (request.direction === "backward" ? read.reverse() : read).map(edgeOf);
  const cursorGiven = request.cursor !== null;
  return {
    edges,
    pageInfo: {
      hasNextPage: request.direction === "forward" ? more : cursorGiven,
      hasPreviousPage: request.direction === "backward" ? more : cursorGiven,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
