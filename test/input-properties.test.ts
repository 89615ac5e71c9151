/**
 * Issue 15, as properties: arbitrary inputs for the mutations and the queries, sent to a real
 * gateway over HTTP both as variables and as literals in the document. Whatever they hold (any code
 * point, NUL, lone surrogates, numbers of any size, nested JSON, URLs with any host spelling):
 *
 * - never a 5xx and never INTERNAL_SERVER_ERROR;
 * - every refusal carries field and rule: the gateway's rules as an InvalidInputError result (variables
 *   and literals alike), GraphQL's coercion as a BAD_USER_INPUT error (GRAPHQL_VALIDATION_FAILED for
 *   literals), except a lone surrogate in a document, which GraphQL's grammar cannot express (GRAPHQL_PARSE_FAILED);
 * - nothing invalid reaches the sandbox (it validates like Connectly, so it answers 200 to all it
 *   gets) or the database, and what is stored is what was given (callbackData numbers included).
 *
 * FC_RUNS raises the number of runs per property (default small enough for CI); FC_SEED replays one.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import { SendOutcomeFragmentDoc, type SendOutcomeFragment } from "./generated/graphql.js";
import { SEND_MUTATION, startTestGateway, type GraphQLResponse, type TestGateway } from "./support/gateway.js";

const RUNS = Number(process.env.FC_RUNS ?? 60);
const SEED = process.env.FC_SEED == null ? {} : { seed: Number(process.env.FC_SEED) };
const params = { numRuns: RUNS, ...SEED };

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway("input-properties");
});
afterAll(() => t?.close());

// ---- a value model that serializes both as JSON (variables) and as a GraphQL literal ------------

/** A JSON-ish tree whose numbers keep the text they are written with, e.g. "1e400". */
type Tree = string | boolean | null | { readonly raw: string } | readonly Tree[] | { readonly [key: string]: Tree };
type Mode = "variables" | "literal";

const isRaw = (v: Tree): v is { raw: string } =>
  v != null && typeof v === "object" && !Array.isArray(v) && typeof (v as { raw?: unknown }).raw === "string" && Object.keys(v).length === 1;

/** JSON text; numbers as written. JSON.stringify escapes lone surrogates as \ud800, so they survive UTF-8. */
function toJson(v: Tree): string {
  if (isRaw(v)) return v.raw;
  if (Array.isArray(v)) return `[${v.map(toJson).join(",")}]`;
  if (v != null && typeof v === "object")
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const ENUM_FIELDS = new Set(["type", "strategy"]);

/** A GraphQL literal. JSON's string escapes are GraphQL's too; object keys must be names (see forLiteral). */
function toLiteral(v: Tree, key?: string): string {
  if (isRaw(v)) return v.raw;
  if (Array.isArray(v)) return `[${v.map((x) => toLiteral(x)).join(", ")}]`;
  if (v != null && typeof v === "object")
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${toLiteral(x, k)}`)
      .join(", ")}}`;
  if (typeof v === "string" && key != null && ENUM_FIELDS.has(key) && NAME.test(v)) return v;
  return JSON.stringify(v);
}

/** The same tree with object keys a GraphQL literal can write (callbackData's keys may be anything in JSON). */
function forLiteral(v: Tree): Tree {
  if (isRaw(v) || v == null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(forLiteral);
  return Object.fromEntries(Object.entries(v).map(([k, x], i) => [NAME.test(k) ? k : `k${i}`, forLiteral(x)]));
}

/** The value JSON.parse makes of the tree: what the gateway sees in a variable. */
const parsed = (v: Tree): unknown => JSON.parse(toJson(v));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const hasBadCharacter = (s: string): boolean => s.includes("\u0000") || LONE_SURROGATE.test(s);
const hasBadCharacters = (v: unknown): boolean =>
  typeof v === "string"
    ? hasBadCharacter(v)
    : Array.isArray(v)
      ? v.some(hasBadCharacters)
      : v != null && typeof v === "object"
        ? Object.entries(v).some(([k, x]) => hasBadCharacter(k) || hasBadCharacters(x))
        : false;

// ---- the exact-decimal oracle (independent of the gateway's) ------------------------------------

/** A decimal's exact value as sign, digits and exponent, so two spellings of one number compare equal. */
function exact(raw: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(raw)!;
  const digits = `${m[2]}${m[3] ?? ""}`;
  const trimmed = digits.replace(/^0+/, "").replace(/0+$/, "");
  if (trimmed === "") return "0";
  const trailing = digits.replace(/^0+/, "").length - trimmed.length;
  return `${m[1]}${trimmed}e${BigInt(m[4] ?? 0) - BigInt((m[3] ?? "").length) + BigInt(trailing)}`;
}

/** Whether `stored` is, number by number, exactly the tree as written. */
function echoedExactly(written: Tree, stored: unknown): boolean {
  if (isRaw(written)) return typeof stored === "number" && exact(written.raw) === exact(String(stored));
  if (Array.isArray(written)) return Array.isArray(stored) && stored.length === written.length && written.every((w, i) => echoedExactly(w, stored[i]));
  if (written != null && typeof written === "object") {
    if (stored == null || typeof stored !== "object") return false;
    const keys = Object.keys(written);
    return (
      keys.length === Object.keys(stored).length &&
      keys.every((k) => echoedExactly((written as { readonly [key: string]: Tree })[k]!, (stored as Record<string, unknown>)[k]))
    );
  }
  return written === stored;
}

// ---- generators ---------------------------------------------------------------------------------

const INJECTED = ["\u0000", "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00", "\u2028", "\ufeff", "\u0007", "é"];

/** Any string: any UTF-16 units (lone surrogates and NUL included), full Unicode, or a plausible value with a bad unit injected. */
const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
  fc
    .tuple(fc.string({ unit: "grapheme-ascii", maxLength: 6 }), fc.constantFrom(...INJECTED), fc.string({ unit: "grapheme-ascii", maxLength: 6 }))
    .map(([a, b, c]) => a + b + c),
  fc.constantFrom("ok", "Hello 👍", " ", "", "bad id!", "+16044441111", "US.1349120865530274"),
);

/** Numbers as written: any size, any spelling JSON and GraphQL both accept. */
const rawNumber = fc
  .oneof(
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
    fc.tuple(fc.integer({ min: -999, max: 999 }), fc.stringMatching(/^[0-9]{1,25}$/), fc.integer({ min: -400, max: 400 })).map(([i, f, e]) => `${i}.${f}e${e}`),
    fc.constantFrom(
      "1e400",
      "-1e400",
      "123456789012345678901234567890",
      "9007199254740991",
      "9007199254740992",
      "-9007199254740993",
      "0.12345678901234567890",
      "1.50",
      "0",
      "-0",
      "1e-400",
    ),
  )
  .map((raw) => ({ raw }));

const jsonTree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    rawNumber,
    anyString,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("tree"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/), anyString), tie("tree"), { maxKeys: 3 }),
  ),
})).tree;

/** A host and whether it is public: the oracle for URLs is written beside the spelling, not computed. */
const host: fc.Arbitrary<[string, boolean]> = fc.oneof(
  fc.constantFrom<[string, boolean]>(
    ["example.com", true],
    ["cdn.example.org", true],
    ["EXAMPLE.com.", true],
    ["93.184.216.34", true],
    ["8.8.8.8", true],
    ["[2606:4700::1111]", true],
    ["xn--bcher-kva.example", true],
    ["localhost", false],
    ["LocalHost", false],
    ["app.localhost", false],
    ["printer.local", false],
    ["metadata.google.internal", false],
    ["router.home.arpa", false],
    ["intranet", false],
    ["127.0.0.1", false],
    ["127.1", false],
    ["2130706433", false],
    ["0x7f.1", false],
    ["0x7f000001", false],
    ["0177.0.0.1", false],
    ["0", false],
    ["0.0.0.0", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["224.0.0.251", false],
    ["255.255.255.255", false],
    ["[::1]", false],
    ["[::]", false],
    ["[::ffff:10.0.0.1]", false],
    ["[::ffff:7f00:1]", false],
    ["[fc00::1]", false],
    ["[fd00:ec2::254]", false],
    ["[fe80::1]", false],
    ["[ff02::1]", false],
  ),
  fc.tuple(fc.constantFrom(10, 192, 172), fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c, d]): [string, boolean] => {
    const second = a === 192 ? 168 : a === 172 ? 16 + (b % 16) : b;
    return [`${a}.${second}.${c}.${d}`, false];
  }),
);

interface UrlCase {
  readonly url: string;
  readonly acceptable: boolean;
}

const urlCase: fc.Arbitrary<UrlCase> = fc
  .record({
    scheme: fc.constantFrom<[string, boolean]>(
      ["https://", true],
      ["http://", true],
      ["HTTPS://", true],
      ["https:/", false],
      ["https:", false],
      ["ftp://", false],
      ["//", false],
      ["https:\\\\", false],
    ),
    credentials: fc.constantFrom<[string, boolean]>(["", true], ["", true], ["user:pass@", false], ["user@", false]),
    host,
    port: fc.constantFrom("", ":443", ":8080"),
    path: fc.constantFrom("/a.png", "/media/file.pdf?x=1", "/", "/a%20b.jpg#frag"),
  })
  .map(({ scheme, credentials, host: [h, hostPublic], port, path }) => ({
    url: `${scheme[0]}${credentials[0]}${h}${port}${path}`,
    acceptable: scheme[1] && credentials[1] && hostPublic,
  }));

const BASE = { businessId: "biz-props", recipient: { id: "+16044441111" }, content: { text: "hi" } } as const;

/** Where a generated string goes: every kind of string field of the input. */
const PLACES: readonly ((s: string) => Record<string, Tree>)[] = [
  (s) => ({ ...BASE, content: { text: s } }),
  (s) => ({ ...BASE, businessId: s }),
  (s) => ({ ...BASE, recipient: { id: s } }),
  (s) => ({ ...BASE, recipient: { id: "+16044441111", name: s } }),
  (s) => ({ ...BASE, recipient: { id: "+16044441111", userId: s } }),
  (s) => ({ ...BASE, sender: { name: s } }),
  (s) => ({ ...BASE, campaignName: s }),
  (s) => ({ ...BASE, messageId: s }),
  (s) => ({ ...BASE, order: { parentId: s } }),
  (s) => ({ ...BASE, content: { attachment: { type: "DOCUMENT", url: "https://example.com/a.pdf", caption: s, filename: s } } }),
  (s) => ({ ...BASE, content: { location: { latitude: { raw: "1" }, longitude: { raw: "2" }, name: s, address: s } } }),
  (s) => ({ ...BASE, content: { listMessage: { button: s, header: { text: s }, sections: [{ title: s, rows: [{ id: s, text: s, description: s }] }] } } }),
  (s) => ({ ...BASE, content: { replyButtonMessage: { body: s, footer: s, buttons: [{ id: s, text: s }] } } }),
  (s) => ({ ...BASE, content: { singleProductMessage: { catalogId: s, productRetailerId: s, body: s } } }),
  (s) => ({
    ...BASE,
    content: { multiProductMessage: { header: s, body: s, catalogId: "c", sections: [{ title: s, productItems: [{ productRetailerId: s }] }] } },
  }),
  (s) => ({ ...BASE, callbackData: { [s]: s, nested: [s, { deeper: s }] } }),
];

const stringInput = fc.tuple(fc.nat(PLACES.length - 1), anyString).map(([i, s]) => PLACES[i]!(s));
const callbackInput = jsonTree.map((tree): Record<string, Tree> => ({ ...BASE, callbackData: tree }));
const urlInput = fc.tuple(urlCase, fc.constantFrom("attachment", "listHeader", "replyHeader")).map(([c, where]): [UrlCase, Record<string, Tree>] => {
  const media = { type: "IMAGE", url: c.url };
  const content: Tree =
    where === "attachment"
      ? { attachment: media }
      : where === "listHeader"
        ? { listMessage: { header: { attachment: media }, button: "Go", sections: [{ rows: [{ id: "r", text: "Row" }] }] } }
        : { replyButtonMessage: { header: { attachment: media }, body: "Pick", buttons: [{ id: "b", text: "B" }] } };
  return [c, { ...BASE, content }];
});

const mode = fc.constantFrom<Mode>("variables", "literal");

// ---- sending and checking -----------------------------------------------------------------------

type Err = NonNullable<GraphQLResponse["errors"]>[number];

async function post<T = Record<string, unknown>>(query: string, variablesJson?: string): Promise<GraphQLResponse<T>> {
  const body = variablesJson == null ? JSON.stringify({ query }) : `{"query":${JSON.stringify(query)},"variables":${variablesJson}}`;
  const response = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
  expect(response.status, "never a 5xx").toBeLessThan(500);
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, "status">) };
}

/** The invariants of every answer; `literalWithSurrogate` allows the one parse error no document can avoid. */
function checkErrors(response: GraphQLResponse<unknown>, literalWithSurrogate: boolean): Err[] {
  const errors = response.errors ?? [];
  for (const error of errors) {
    const extensions = error.extensions ?? {};
    const code = extensions.code;
    expect(code, JSON.stringify(error)).not.toBe("INTERNAL_SERVER_ERROR");
    if (code === "GRAPHQL_PARSE_FAILED") {
      expect(literalWithSurrogate, JSON.stringify(error)).toBe(true);
      continue;
    }
    expect(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"], JSON.stringify(error)).toContain(code);
    // An abuse limit (a literal first: 13794 costs more than GRAPHQL_MAX_COST) says which limit instead.
    if (code === "GRAPHQL_VALIDATION_FAILED" && typeof extensions.limit === "string") continue;
    if (code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED") {
      expect(typeof extensions.field, JSON.stringify(error)).toBe("string");
      expect(typeof extensions.rule, JSON.stringify(error)).toBe("string");
    }
  }
  return errors;
}

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Whether any string or key of the tree holds a lone surrogate, which no GraphQL document can write. */
const hasLoneSurrogate = (v: Tree): boolean =>
  typeof v === "string"
    ? LONE.test(v)
    : Array.isArray(v)
      ? v.some(hasLoneSurrogate)
      : v != null && typeof v === "object" && !isRaw(v)
        ? Object.entries(v).some(([k, x]) => LONE.test(k) || hasLoneSurrogate(x))
        : false;

/** How an input was refused: GraphQL's code, or InvalidInputError's; and the rule, when one was named. */
interface Refusal {
  readonly code: string;
  readonly rule?: string;
}

interface Sent {
  readonly refusal?: Refusal;
  readonly stored?: { callbackData: unknown; row: unknown };
}

const OUTCOME = print(SendOutcomeFragmentDoc);
const SEND_LITERAL = (input: string) => `mutation { sendSessionMessage(input: ${input}) { ...SendOutcome } }\n${OUTCOME}`;
const SEND_VARIABLES = `mutation Send($input: SendSessionMessageInput!) { sendSessionMessage(input: $input) { ...SendOutcome } }\n${OUTCOME}`;
const SEND_BATCH = `mutation($inputs: [SendSessionMessageInput!]!) { sendSessionMessages(inputs: $inputs) { results { ...SendOutcome } } }\n${OUTCOME}`;

/** The error results an input may get here: the sandbox answers every valid message 200. */
function checkResult(result: SendOutcomeFragment, field: RegExp): void {
  expect(["Message", "InvalidInputError", "MessageIdConflictError"], JSON.stringify(result)).toContain(result.__typename);
  if (result.__typename !== "InvalidInputError") return;
  expect(result.code).toBe("BAD_USER_INPUT");
  expect(result.field).toMatch(field);
  expect(result.issues[0]).toEqual({ field: result.field, rule: result.rule, message: result.message });
}

/** The first refusal: GraphQL's (coercion, a literal it cannot parse) or the gateway's rules'. */
function refusalOf(errors: Err[], result: SendOutcomeFragment | undefined): Refusal | undefined {
  const error = errors.find((e) => ["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"].includes(String(e.extensions?.code)));
  if (error) return { code: String(error.extensions?.code), ...(typeof error.extensions?.rule === "string" ? { rule: error.extensions.rule } : {}) };
  return result?.__typename === "InvalidInputError" ? { code: result.code, rule: result.rule } : undefined;
}

/** Sends one input and checks what reached the sandbox and the database. */
async function sendOne(input: Record<string, Tree>, how: Mode): Promise<Sent> {
  const requestsBefore = t.sandbox.requests.length;
  const rowsBefore = await t.gateway.database.prisma.message.count();
  const literal = forLiteral(input) as Record<string, Tree>;
  type Data = { sendSessionMessage: SendOutcomeFragment };
  const response = how === "variables" ? await post<Data>(SEND_VARIABLES, `{"input":${toJson(input)}}`) : await post<Data>(SEND_LITERAL(toLiteral(literal)));
  const errors = checkErrors(response, how === "literal" && hasLoneSurrogate(literal));
  const result = response.data?.sendSessionMessage;
  if (result) checkResult(result, /^input(\.|$)/);
  const newRequests = t.sandbox.requests.slice(requestsBefore);
  for (const request of newRequests) {
    expect(request.status, "the sandbox validates like Connectly: it got nothing invalid").toBe(200);
    expect(hasBadCharacters(request.body)).toBe(false);
  }
  const rowsAfter = await t.gateway.database.prisma.message.count();
  if (result?.__typename !== "Message") {
    expect(rowsAfter, "a refused input stores nothing").toBe(rowsBefore);
    // A refused input is never sent (a replayed messageId is answered from the database).
    expect(newRequests.length).toBe(0);
    const refusal = refusalOf(errors, result);
    return refusal ? { refusal } : {};
  }
  expect(errors).toEqual([]);
  const row = await t.gateway.database.prisma.message.findUniqueOrThrow({ where: { id: result.id } });
  expect(hasBadCharacters(row), "nothing stored holds NUL or a lone surrogate").toBe(false);
  return { stored: { callbackData: row.callbackData, row } };
}

// ---- the properties -----------------------------------------------------------------------------

describe("input properties (fast-check, against a real gateway)", () => {
  it("sendSessionMessage: any string anywhere is stored and sent as given, or refused with field and rule; NUL and lone surrogates always refused", async () => {
    await fc.assert(
      fc.asyncProperty(stringInput, mode, async (input, how) => {
        const { refusal, stored } = await sendOne(input, how);
        if (hasBadCharacters(parsed(input))) {
          expect(stored, "an input with NUL or a lone surrogate is never stored").toBeUndefined();
          expect(refusal).toBeDefined();
        }
      }),
      params,
    );
  }, 60_000);

  it("sendSessionMessage: callbackData (nested JSON, numbers of any size) is echoed exactly or refused", async () => {
    await fc.assert(
      fc.asyncProperty(callbackInput, mode, async (input, how) => {
        const { stored } = await sendOne(input, how);
        if (stored == null) return;
        const written = input.callbackData!;
        if (how === "literal") {
          // The document keeps the numbers' text: what is stored is that decimal, digit for digit.
          expect(echoedExactly(forLiteral(written), stored.callbackData), JSON.stringify(stored.callbackData)).toBe(true);
        } else {
          // A variable was parsed by JSON.parse before the gateway saw it: stored is exactly that value, and finite and safe.
          // (JSON has one zero: -0, or -1e-400 that JSON.parse already made -0, is echoed as 0.)
          expect(stored.callbackData).toEqual(JSON.parse(JSON.stringify(parsed(written))));
          const numbers = JSON.stringify(stored.callbackData).match(/-?\d+(\.\d+)?(e[+-]?\d+)?(?=[,\]}]|$)/gi) ?? [];
          for (const n of numbers) if (Number.isInteger(Number(n))) expect(Number.isSafeInteger(Number(n)), n).toBe(true);
        }
      }),
      params,
    );
  }, 60_000);

  it("sendSessionMessage: a media URL is accepted exactly when it is absolute http(s), without credentials, on a public host", async () => {
    await fc.assert(
      fc.asyncProperty(urlInput, mode, async ([c, input], how) => {
        const { refusal, stored } = await sendOne(input, how);
        expect(stored != null, `${c.url}: ${JSON.stringify(refusal)}`).toBe(c.acceptable);
        if (!c.acceptable) expect(refusal?.rule).toMatch(/HTTP_URL|NO_NUL|MAX_LENGTH/);
      }),
      params,
    );
  }, 60_000);

  it("sendSessionMessages: every item is a result; a refused item is BAD_USER_INPUT with field and rule", async () => {
    const item = fc.oneof(
      stringInput,
      callbackInput,
      urlInput.map(([, input]) => input),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 3 }), async (inputs) => {
        const requestsBefore = t.sandbox.requests.length;
        const response = await post<{ sendSessionMessages: { results: SendOutcomeFragment[] } }>(SEND_BATCH, `{"inputs":[${inputs.map(toJson).join(",")}]}`);
        checkErrors(response, false);
        const results = response.data?.sendSessionMessages.results;
        if (results == null) return; // a coercion error refused the whole document (e.g. a bad enum): checked above
        expect(results).toHaveLength(inputs.length);
        results.forEach((r, i) => checkResult(r, new RegExp(`^inputs\\[${i}\\]`)));
        for (const request of t.sandbox.requests.slice(requestsBefore)) expect(request.status).toBe(200);
      }),
      params,
    );
  }, 60_000);

  it("queries: any filter, page size and id is answered or refused with field and rule, never a database error", async () => {
    const query = fc.oneof(
      fc
        .record({
          businessId: anyString,
          campaignName: fc.option(anyString),
          recipient: fc.option(anyString),
          first: fc.option(fc.oneof(fc.integer({ min: -5, max: 205 }), fc.integer())),
        })
        .map((v) => ({
          variables: `query($f: MessageFilter!, $n: Int) { messages(filter: $f, first: $n) { edges { cursor } } }`,
          vars: {
            f: {
              businessId: v.businessId,
              ...(v.campaignName == null ? {} : { campaignName: v.campaignName }),
              ...(v.recipient == null ? {} : { recipient: v.recipient }),
            },
            n: v.first,
          } as Record<string, Tree>,
          literal: `{ messages(filter: { businessId: ${JSON.stringify(v.businessId)}${v.campaignName == null ? "" : `, campaignName: ${JSON.stringify(v.campaignName)}`}${v.recipient == null ? "" : `, recipient: ${JSON.stringify(v.recipient)}`} }${v.first == null ? "" : `, first: ${v.first}`}) { edges { cursor } } }`,
        })),
      fc.tuple(anyString, anyString).map(([b, id]) => ({
        variables: `query($b: ID!, $id: String!) { customer(businessId: $b, id: $id) { id sessionWindow { open } } }`,
        vars: { b, id },
        literal: `{ customer(businessId: ${JSON.stringify(b)}, id: ${JSON.stringify(id)}) { id } }`,
      })),
      anyString.map((id) => ({
        variables: `query($id: ID!) { message(id: $id) { id } messageByConnectlyId(connectlyId: $id) { id } }`,
        vars: { id },
        literal: `{ message(id: ${JSON.stringify(id)}) { id } messageByConnectlyId(connectlyId: ${JSON.stringify(id)}) { id } }`,
      })),
    );
    await fc.assert(
      fc.asyncProperty(query, mode, async (q, how) => {
        const response = how === "variables" ? await post(q.variables, toJson(q.vars)) : await post(q.literal);
        const errors = checkErrors(response, how === "literal" && hasLoneSurrogate(q.vars));
        if (hasBadCharacters(parsed(q.vars))) expect(errors.length, "NUL or a lone surrogate is refused").toBeGreaterThan(0);
      }),
      params,
    );
  }, 60_000);

  it("the mutation document as sent with SEND_MUTATION and a variable is still accepted (the properties are not all refusals)", async () => {
    const response = await post(SEND_MUTATION, JSON.stringify({ input: { ...BASE, callbackData: { n: 1.5, big: "123456789012345678901234567890" } } }));
    expect(response.errors).toBeUndefined();
    expect(response.data?.sendSessionMessage).toMatchObject({ __typename: "Message", status: "ACCEPTED" });
  });
});
