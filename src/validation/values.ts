/**
 * One rule per value, written once: the mutations' validator, the queries' and the subscription's
 * arguments all build on these, so a businessId or a campaignName means the same everywhere.
 * Each rule is an ordered list of checks; the first that fails is the one reported.
 */
import ipaddr from "ipaddr.js";
import { z } from "zod";
import type { InputRule } from "../domain/errors.js";
import { LIMITS } from "./limits.js";

/** One broken rule: where (a dotted path under the argument), which rule, and why. */
export interface ValidationIssue {
  /** e.g. "input.content.listMessage.sections[0].rows[1].id" */
  readonly field: string;
  /** A stable name of the rule, e.g. "MAX_LENGTH" or "UNIQUE_ROW_IDS" (schema/errors.graphql lists them). */
  readonly rule: InputRule;
  /** A sentence a person can act on. */
  readonly message: string;
}

/** What a failed check says: the rule's name and the end of a sentence that starts with the field. */
export interface Problem {
  readonly rule: InputRule;
  readonly message: string;
}

/** One check of a string: null when it passes. */
export type Check = (s: string) => Problem | null;

// PostgreSQL refuses U+0000 in text and jsonb, and a lone surrogate has no UTF-8 form at all.
const NUL = "\u0000";

/** NUL and unpaired UTF-16 surrogates: no database or upstream can carry them. */
export const characters: Check = (s) => {
  if (s.includes(NUL)) return { rule: "NO_NUL", message: "must not contain the NUL character (U+0000)" };
  if (!s.isWellFormed()) return { rule: "UNPAIRED_SURROGATE", message: "must not contain an unpaired UTF-16 surrogate (not a Unicode character)" };
  return null;
};

/** Length in Unicode code points, which match WhatsApp's characters better than UTF-16 units (an emoji is 1, not 2). */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** `s` cut to `max` code points (with an ellipsis), to quote an input in a message without echoing all of it. */
export const quoted = (s: string, max = 80): string => (codePoints(s) <= max ? s : `${[...s].slice(0, max).join("")}…`);

export const notBlank: Check = (s) => (s.trim().length > 0 ? null : { rule: "NOT_BLANK", message: "must not be blank" });

export const maxLength =
  (max: number): Check =>
  (s) =>
    codePoints(s) <= max ? null : { rule: "MAX_LENGTH", message: `must be at most ${max} characters` };

const matches =
  (re: RegExp, rule: InputRule, message: string): Check =>
  (s) =>
    re.test(s) ? null : { rule, message };

/** The first of `checks` that `s` fails, in order, or null. */
export const firstProblem = (s: string, checks: readonly Check[]): Problem | null => {
  for (const check of checks) {
    const problem = check(s);
    if (problem) return problem;
  }
  return null;
};

/** Adds an issue carrying its InputRule (toIssues reads it back) at `path` under the refined value. */
export const addRule = (ctx: z.RefinementCtx, path: (string | number)[], rule: InputRule, message: string): void => {
  ctx.addIssue({ code: "custom", path, message, params: { rule } });
};

/** A zod string running `checks` in order and reporting the first that fails. */
export const checked = (...checks: Check[]) =>
  z.string().superRefine((s, ctx) => {
    const problem = firstProblem(s, checks);
    if (problem) addRule(ctx, [], problem.rule, problem.message);
  });

/** A string that is not blank and has at most `max` characters (Unicode code points). */
export const text = (max: number) => checked(characters, notBlank, maxLength(max));

/** A string matching `re` (the patterns admit neither NUL nor surrogates, but the check says so first). */
const pattern = (re: RegExp, rule: InputRule, message: string) => checked(characters, matches(re, rule, message));

// ---- URLs ---------------------------------------------------------------------------------------

const NON_PUBLIC_NAME = /(^|\.)(localhost|local|internal|home\.arpa|localdomain)$/;

/** Whether an address (from WHATWG's parse, so 2130706433, 0x7f.1, 127.1 and 0177.0.0.1 are already dotted quads) is public unicast. */
const isPublicAddress = (host: string): boolean | null => {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (!ipaddr.isValid(bare)) return null;
  let address = ipaddr.parse(bare);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  // ipaddr names every special-purpose block (loopback, private, linkLocal, uniqueLocal, carrierGradeNat, …); only "unicast" is public.
  return address.range() === "unicast";
};

/** An absolute http(s) URL written as scheme://host (no whitespace or backslash that WHATWG parsing would repair). */
export const httpUrl: Check = (s) => {
  const refusal: Problem = { rule: "HTTP_URL", message: "must be an absolute http(s) URL such as https://example.com/image.png" };
  // WHATWG parsing repairs "https:/host" and "https:\\host"; the raw text must already be scheme://host.
  if (/[\s\\]/.test(s) || !/^https?:\/\/[^/?#]/i.test(s)) return refusal;
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0 ? null : refusal;
  } catch {
    return refusal;
  }
};

const publicHost: Check = (s) => {
  const u = new URL(s); // httpUrl ran first
  if (u.username !== "" || u.password !== "") return { rule: "PUBLIC_HTTP_URL", message: "must not carry credentials (user:password@)" };
  const host = u.hostname.toLowerCase().replace(/\.$/, "");
  const publicAddress = isPublicAddress(host);
  if (publicAddress === false) return { rule: "PUBLIC_HTTP_URL", message: `must point to a public address, not ${u.hostname}` };
  if (publicAddress == null && (!host.includes(".") || NON_PUBLIC_NAME.test(host)))
    return { rule: "PUBLIC_HTTP_URL", message: `must name a public host, not ${u.hostname}` };
  return null;
};

/**
 * A media URL Connectly can fetch: absolute http(s) written as scheme://host, no credentials, and a
 * public host (no loopback, private, link-local, CGNAT, multicast or reserved address; no
 * localhost, *.local, *.internal or single-label name).
 */
export const URL_CHECKS: readonly Check[] = [characters, maxLength(LIMITS.url), httpUrl, publicHost];
export const url = checked(...URL_CHECKS);

// ---- callbackData -------------------------------------------------------------------------------

/** JSON keeps integers exactly only within ±(2^53−1), and has no Infinity or NaN. */
const jsonNumber = (n: number): Problem | null =>
  Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n))
    ? null
    : {
        rule: "CALLBACK_DATA_NUMBER",
        message: "holds a number JSON cannot echo exactly: integers must be within ±9007199254740991 and numbers finite (send larger ones as strings)",
      };

/** Every string (keys too) and number inside a JSON value that cannot be stored and echoed exactly, with its path. */
function jsonValueProblems(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; problem: Problem }[] {
  if (typeof value === "string") {
    const problem = characters(value);
    return problem ? [{ path, problem }] : [];
  }
  if (typeof value === "number") {
    const problem = jsonNumber(value);
    return problem ? [{ path, problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonValueProblems(v, [...path, i]));
  if (value != null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => {
      const keyProblem = characters(k);
      const own = keyProblem ? [{ path, problem: { rule: keyProblem.rule, message: `has a key that ${keyProblem.message}` } }] : [];
      return [...own, ...jsonValueProblems(v, keyProblem ? [...path, "<key>"] : [...path, k])];
    });
  }
  return [];
}

/** A decimal literal as sign, significant digits and exponent, so "1.50" and "15e-1" compare equal. */
const canonicalDecimal = (raw: string): string => {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(raw);
  if (!m) return raw;
  const fraction = m[3] ?? "";
  const all = `${m[2]}${fraction}`.replace(/^0+/, "");
  const digits = all.replace(/0+$/, "");
  if (digits === "") return "0";
  return `${m[1]}${digits}e${BigInt(m[4] ?? 0) - BigInt(fraction.length) + BigInt(all.length - digits.length)}`;
};

/**
 * A number as written in a GraphQL document: refused unless the double it becomes is the same
 * decimal (so 0.1 passes, 0.12345678901234567890 does not) and JSON's rules above hold.
 */
export const jsonNumberLiteral = (raw: string): Problem | null => {
  const n = Number(raw);
  const problem = jsonNumber(n);
  if (problem) return problem;
  return canonicalDecimal(raw) === canonicalDecimal(String(n))
    ? null
    : { rule: "CALLBACK_DATA_NUMBER", message: `holds ${raw}, which a JSON number would change to ${String(n)} (send it as a string)` };
};

/**
 * callbackData, the same for every send: what is stored and echoed must be exactly what was given,
 * so refuse what PostgreSQL or JSON would change, and anything over Connectly's 1024 bytes.
 */
export const callbackData = z
  .unknown()
  .superRefine((v, ctx) => {
    if (v == null) return;
    for (const { path, problem } of jsonValueProblems(v)) addRule(ctx, path, problem.rule, problem.message);
    const bytes = Buffer.byteLength(JSON.stringify(v), "utf8");
    if (bytes > LIMITS.callbackDataBytes)
      addRule(ctx, [], "CALLBACK_DATA_SIZE", `must be at most ${LIMITS.callbackDataBytes} bytes once serialized as JSON (got ${bytes})`);
  })
  .optional();

// ---- the values ---------------------------------------------------------------------------------

export const VALUES = {
  businessId: pattern(LIMITS.businessIdPattern, "BUSINESS_ID_FORMAT", "must be 1 to 128 letters, digits, '-' or '_'"),
  messageId: pattern(LIMITS.messageIdPattern, "MESSAGE_ID_FORMAT", "must be 1 to 128 letters, digits, '_', '-', '.' or ':'"),
  campaignName: text(LIMITS.campaignName),
  e164: pattern(LIMITS.e164Pattern, "E164", "must be a phone number in E.164 format, such as +16044441111"),
  bsuid: pattern(LIMITS.bsuidPattern, "BSUID", "must be a BSUID such as US.13491208655302741918"),
  displayName: text(LIMITS.displayName),
  /** An id the gateway or Connectly gave out (a message's id, Connectly's id): opaque, but storable. */
  opaqueId: text(LIMITS.opaqueId),
  /** A customer as webhooks name them: an E.164 number or a BSUID, up to 256 characters. */
  customerId: text(LIMITS.customerId),
  pageSize: z.number().superRefine((n, ctx) => {
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.pageSize)
      ctx.addIssue({ code: "custom", message: `must be from 1 to ${LIMITS.pageSize}`, params: { rule: "PAGE_SIZE" } });
  }),
} as const;

const formatPath = (root: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`), root);

const ruleOf = (issue: z.core.$ZodIssue): InputRule => {
  if (issue.code === "custom") {
    // Every custom issue of the validators carries an InputRule in its params.
    const rule = (issue.params as { rule?: InputRule } | undefined)?.rule;
    if (typeof rule === "string") return rule;
  }
  if (issue.code === "invalid_value") return "ENUM";
  // No other zod check is used: anything else is a value of the wrong shape.
  return "TYPE";
};

/** zod's issues as ValidationIssues under `root` ("input", "filter", or "" for top-level arguments). */
export function toIssues(issues: readonly z.core.$ZodIssue[], root: string): ValidationIssue[] {
  return issues.map((issue) => {
    const field = root === "" ? formatPath(String(issue.path[0] ?? ""), issue.path.slice(1)) : formatPath(root, issue.path);
    return { field, rule: ruleOf(issue), message: `${field} ${issue.message}.` };
  });
}

/** Checks `value` against `schema`; `root` names it in field paths. */
export function checkValue<S extends z.ZodType>(schema: S, value: unknown, root: string): ValidationIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : toIssues(result.error.issues, root);
}
