/**
 * Delivery of a stored PENDING message and the outcome recorded on it, shared by both sends and by
 * crash recovery. A session message with a fallback template that Connectly refuses as outside the
 * window (definitely: no attempt may have got through) becomes its template and is sent again.
 */
import type { Prisma } from "../persistence/generated/prisma/client.js";
import type { UpstreamRequest } from "../connectly/client.js";
import type { DeliveryFailure, DeliveryOutcome } from "../connectly/delivery.js";
import type { RestSendMessageBody } from "../connectly/rest-body.js";
import type { RestSendTemplateBody } from "../connectly/template-body.js";
import type { ErrorCode } from "../domain/errors.js";
import type { MessageRow, NewMessage } from "../persistence/messages.js";
import type { StoredFallback } from "./templates.js";
import type { SendingDeps, SendOutcome } from "./types.js";

/** The endpoint and body a stored message is sent with: its template once it fell back, or a template send's. */
export function requestOf(row: Pick<MessageRow, "contentType" | "requestBody" | "fallback" | "fallbackReason">): UpstreamRequest {
  if (row.fallbackReason != null) return { endpoint: "template", body: (row.fallback as unknown as StoredFallback).requestBody };
  if (row.contentType === "TEMPLATE") return { endpoint: "template", body: row.requestBody as unknown as RestSendTemplateBody };
  return { endpoint: "session", body: row.requestBody as unknown as RestSendMessageBody };
}

export interface DeliveryPolicy {
  readonly maxAttempts: number;
  /** How the stored failure reads, when the caller's situation says more than Connectly's answer (crash recovery). */
  readonly describeFailure?: (failure: DeliveryFailure) => { readonly code: ErrorCode; readonly message: string };
}

type Failed = Extract<DeliveryOutcome, { ok: false }>;

/** Connectly refused the session content as outside the window, and nothing may have got through: its template may go instead. */
const fallsBack = (row: MessageRow, outcome: Failed): boolean =>
  row.fallback != null && row.fallbackReason == null && outcome.failure.code === "SESSION_WINDOW_CLOSED" && !outcome.ambiguous;

const fallbackName = (row: MessageRow): string => {
  const { templateName, language } = (row.fallback as unknown as StoredFallback).requestBody;
  return `${templateName} (${language})`;
};

/**
 * Delivers a stored PENDING row and records the outcome on it. The row's `attempts` already counts
 * the first call of this delivery; while retries go on it counts the call about to start, and at
 * the end the calls made.
 */
export async function deliver(deps: SendingDeps, row: MessageRow, apiKey: string, policy?: DeliveryPolicy): Promise<SendOutcome> {
  const base = row.attempts - 1;
  const request = requestOf(row);
  const outcome = await deps.delivery.send(
    row.businessId,
    apiKey,
    request,
    (attempts, failure) => deps.store.recordAttempt(row.id, base + attempts + 1, failure.message),
    policy && { maxAttempts: policy.maxAttempts },
  );
  if (outcome.ok) {
    const accepted = await deps.store.markAccepted(row, outcome.id, outcome.status, base + outcome.attempts);
    deps.onOutcome?.(accepted);
    return { ok: true, message: accepted };
  }
  if (fallsBack(row, outcome)) {
    const { upstream } = outcome.failure;
    const template = await deps.store.markFallback(
      { ...row, attempts: base + outcome.attempts },
      {
        reason: "CONNECTLY_REFUSED_SESSION",
        message: `Connectly refused the session message: the customer's 24-hour window is closed, or they never wrote. Its fallback template ${fallbackName(row)} was sent instead.`,
        upstream: upstream as Prisma.InputJsonObject,
      },
    );
    return deliver(deps, template, apiKey, policy);
  }
  const { failure, unconfirmed } = outcome;
  const described = policy?.describeFailure?.(failure);
  const failed = await deps.store.markFailed(row, {
    code: described?.code ?? failure.code,
    message: described?.message ?? (unconfirmed ? unconfirmedMessage(failure, request.endpoint) : failure.message),
    upstreamStatus: failure.upstream.status ?? null,
    attempts: base + outcome.attempts,
    status: unconfirmed ? "UNCONFIRMED" : "FAILED",
  });
  deps.onOutcome?.(failed);
  return { ok: false, error: { kind: "upstream", failure, unconfirmed, message: failed } };
}

export const unconfirmedMessage = (failure: DeliveryFailure, endpoint: UpstreamRequest["endpoint"]): string =>
  endpoint === "template"
    ? `${failure.message} The attempt may have reached Connectly, so the template message may have been sent. Connectly's template endpoint takes no message id to deduplicate by, so the gateway does not send it again (sending the same messageId returns this message): wait for its delivery status, or send it with a new messageId.`
    : `${failure.message} An earlier attempt may have reached Connectly, so the message may have been accepted; sending it again with the same messageId is safe (Connectly deduplicates by id).`;

/** JSON with keys in a stable order, to compare two request bodies regardless of how they were stored. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v != null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What makes two sends under one messageId the same: the bodies they send (the fallback's too). */
const identity = (row: { readonly requestBody: unknown; readonly fallback: unknown }): string =>
  canonicalJson([row.requestBody, (row.fallback as StoredFallback | null)?.requestBody ?? null]);

/**
 * Stores a new message PENDING and delivers it; for a messageId stored before, replays it: the same
 * message again returns the stored row (sending a FAILED one again, or an UNCONFIRMED session message,
 * whose id Connectly deduplicates by), a different one is a conflict.
 */
export async function storeAndDeliver(deps: SendingDeps, draft: NewMessage, apiKey: string): Promise<SendOutcome> {
  const created = await deps.store.createPending(draft);
  if (created.created) return deliver(deps, created.row, apiKey);
  const { existing } = created;
  if (identity(existing) !== identity(draft)) return { ok: false, error: { kind: "messageIdConflict", messageId: draft.messageId, existing } };
  if (existing.status !== "FAILED" && existing.status !== "UNCONFIRMED") return { ok: true, message: existing };
  // An unconfirmed template may have been sent, and nothing would deduplicate a second one.
  if (existing.status === "UNCONFIRMED" && requestOf(existing).endpoint === "template") return { ok: true, message: existing };
  const reopened = await deps.store.reopenFailed(existing.id);
  if (!reopened) return { ok: true, message: (await deps.store.findById(existing.id)) ?? existing };
  return deliver(deps, reopened, apiKey);
}

/** A copy of a JSON object without its null members (JSON.parse of JSON.stringify's output is JSON). */
export const withoutNulls = (value: object): Prisma.InputJsonObject => {
  const copy: unknown = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v)));
  return copy as Prisma.InputJsonObject;
};
