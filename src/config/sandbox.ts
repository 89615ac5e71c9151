/** The sandbox's settings: what the gateway's built-in one shares with `npm run sandbox`, and the standalone one's own. */
import { readFileSync } from "node:fs";
import { parseTemplateGroups, type TemplateGroup } from "../sandbox/templates.js";
import { ConfigError, isSet, read, type Env } from "./variable.js";
import {
  SANDBOX_ANSWER_DELAY_MS,
  SANDBOX_ANSWER_JITTER_MS,
  SANDBOX_API_KEY,
  SANDBOX_FAILURE_RATE,
  SANDBOX_PORT,
  SANDBOX_RATE_LIMIT,
  SANDBOX_STATUS_DELAY_MS,
  SANDBOX_STATUS_EVENTS,
  SANDBOX_TEMPLATES_FILE,
  SANDBOX_WEBHOOK_SECRET,
  SANDBOX_WEBHOOK_URL,
} from "./variables.js";

/** Where the sandbox listens, and how it plays Connectly's status webhooks after accepting a message. */
export interface SandboxSettings {
  readonly sandboxPort: number;
  readonly statusEvents: boolean;
  readonly failureRate: number;
  readonly statusDelayMs: number;
  /** The catalog read from SANDBOX_TEMPLATES_FILE; absent: the built-in one. */
  readonly templates?: readonly TemplateGroup[];
}

export function readSandboxSettings(env: Env): SandboxSettings {
  const templatesFile = read(env, SANDBOX_TEMPLATES_FILE);
  return {
    sandboxPort: read(env, SANDBOX_PORT),
    statusEvents: read(env, SANDBOX_STATUS_EVENTS),
    failureRate: read(env, SANDBOX_FAILURE_RATE),
    statusDelayMs: read(env, SANDBOX_STATUS_DELAY_MS),
    ...(templatesFile != null ? { templates: loadTemplatesFile(templatesFile) } : {}),
  };
}

/** Reads and checks a catalog file at start-up, so that a broken one stops the start rather than the first send. */
function loadTemplatesFile(path: string): readonly TemplateGroup[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const why = error instanceof SyntaxError ? "is not JSON" : `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`;
    throw new ConfigError(`SANDBOX_TEMPLATES_FILE ${JSON.stringify(path)} ${why}: give a JSON file in Connectly's get-templates format.`);
  }
  const parsed = parseTemplateGroups(json);
  if (!parsed.ok) throw new ConfigError(`SANDBOX_TEMPLATES_FILE ${JSON.stringify(path)} is not a template catalog: ${parsed.problem}.`);
  return parsed.groups;
}

/** The standalone sandbox (`npm run sandbox`). */
export interface StandaloneSandboxConfig {
  readonly port: number;
  /** undefined: the sandbox picks a random key. */
  readonly apiKey: string | undefined;
  readonly rateLimitPerSecond: number;
  /** The simulated network (SANDBOX_ANSWER_DELAY_MS, SANDBOX_ANSWER_JITTER_MS). */
  readonly network: { readonly delayMs: number; readonly jitterMs: number };
  /** undefined: the sandbox posts no webhooks. */
  readonly webhooks: { readonly secret: string; readonly statusEvents: boolean; readonly failureRate: number; readonly delayMs: number } | undefined;
  /** Where webhooks go for businesses that registered no address. */
  readonly webhookUrl: string | undefined;
  /** SANDBOX_TEMPLATES_FILE's catalog; absent: the built-in one. */
  readonly templates?: readonly TemplateGroup[];
}

/** Reads and validates the standalone sandbox's settings; throws ConfigError naming the first bad variable. */
export function loadStandaloneSandboxConfig(env: Env = process.env): StandaloneSandboxConfig {
  const shared = readSandboxSettings(env);
  const secret = read(env, SANDBOX_WEBHOOK_SECRET);
  const webhookUrl = read(env, SANDBOX_WEBHOOK_URL);
  if (secret == null && isSet(env, SANDBOX_WEBHOOK_URL)) {
    throw new ConfigError("SANDBOX_WEBHOOK_URL is set but SANDBOX_WEBHOOK_SECRET is not: set the secret too, so that the gateway can verify the webhooks.");
  }
  return {
    port: shared.sandboxPort,
    apiKey: read(env, SANDBOX_API_KEY),
    rateLimitPerSecond: read(env, SANDBOX_RATE_LIMIT),
    network: { delayMs: read(env, SANDBOX_ANSWER_DELAY_MS), jitterMs: read(env, SANDBOX_ANSWER_JITTER_MS) },
    webhooks: secret == null ? undefined : { secret, statusEvents: shared.statusEvents, failureRate: shared.failureRate, delayMs: shared.statusDelayMs },
    webhookUrl,
    ...(shared.templates ? { templates: shared.templates } : {}),
  };
}
