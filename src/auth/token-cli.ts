/**
 * `npm run token -- --business ID[,ID...] --scope send,read --ttl 1h [--subject NAME]`
 * Prints an HS256 token signed with AUTH_JWT_SECRET (and AUTH_ISSUER / AUTH_AUDIENCE when set).
 */
import { parseArgs } from "node:util";
import { ConfigError, loadAuthConfig } from "../config/config.js";
import { mintToken, TTL_PATTERN } from "./mint.js";
import { SCOPES, type Scope } from "./principal.js";

const USAGE = "Usage: npm run token -- --business ID[,ID...] [--scope send,read] [--ttl 1h] [--subject NAME]";

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      business: { type: "string", multiple: true },
      scope: { type: "string", default: "send,read" },
      ttl: { type: "string", default: "1h" },
      subject: { type: "string" },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const businessIds = (values.business ?? [])
  .flatMap((b) => b.split(","))
  .map((b) => b.trim())
  .filter((b) => b !== "");
if (businessIds.length === 0) fail('--business is required: the business ids the token may act for ("*" for every business).');
if (businessIds.some((b) => b.length > 128)) fail("--business ids must be at most 128 characters.");
const scopes = values.scope.split(",").map((s) => s.trim());
const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
if (unknown.length > 0 || scopes.length === 0) fail(`--scope must list ${SCOPES.join(" and/or ")}, separated by commas; "${unknown.join(",")}" is not one.`);
if (!TTL_PATTERN.test(values.ttl)) fail(`--ttl must be a duration such as 30s, 15m, 1h or 7d, but is "${values.ttl}".`);

let auth;
try {
  auth = loadAuthConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
  throw error;
}
if (auth?.secret == null) fail("AUTH_JWT_SECRET is not set: the gateway checks HS256 tokens against it, so the token must be signed with the same secret.");

process.stdout.write(
  `${await mintToken({ ...auth, secret: auth.secret }, { businessIds, scopes: scopes as Scope[], ttl: values.ttl, ...(values.subject ? { subject: values.subject } : {}) })}\n`,
);
