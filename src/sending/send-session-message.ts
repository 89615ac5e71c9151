/**
 * The send path: validate, store PENDING, deliver to Connectly (rate limit, retries), store
 * ACCEPTED, FAILED or UNCONFIRMED. Nothing invalid is stored or sent; every outcome is a value the
 * GraphQL layer turns into a result: the stored message or an error result with a stable code.
 */
import type { Prisma } from "../persistence/generated/prisma/client.js";
import { CONTENT_TYPES, contentKeyOf } from "../domain/content-types.js";
import type { SendSessionMessageInput } from "../domain/message.js";
import type { Delivery, DeliveryFailure } from "../connectly/delivery.js";
import { toRestBody, type RestSendMessageBody } from "../connectly/rest-body.js";
import type { MessageRow, MessageStore, NewMessage } from "../persistence/messages.js";
import type { ErrorCode } from "../domain/errors.js";
import { validateSendSessionMessageInput, type ValidationIssue } from "../validation/send-session-message.js";

export interface SendSessionMessageDeps {
  readonly store: MessageStore;
  readonly delivery: Delivery;
  /** The API key for a business, or undefined when the gateway has none for it. */
  readonly apiKeyFor: (businessId: string) => string | undefined;
  /** A new, sortable, unique id for a message. */
  readonly newId: () => string;
  /** Told of every send outcome stored (ACCEPTED, FAILED, UNCONFIRMED), for subscribers; must not throw. */
  readonly onOutcome?: (message: MessageRow) => void;
}

export type SendOutcome = { readonly ok: true; readonly message: MessageRow } | { readonly ok: false; readonly error: SendError };

export type SendError =
  | { readonly kind: "invalid"; readonly issues: readonly ValidationIssue[] }
  | { readonly kind: "businessNotConfigured"; readonly businessId: string }
  | { readonly kind: "messageIdConflict"; readonly messageId: string; readonly existing: MessageRow }
  | {
      readonly kind: "upstream";
      readonly failure: DeliveryFailure;
      /** Connectly may have the message: an attempt was not answered and retries ran out. */
      readonly unconfirmed: boolean;
      readonly message: MessageRow;
    };

/** JSON with keys in a stable order, to compare two request bodies regardless of how they were stored. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v != null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A copy of a JSON object without its null members (JSON.parse of JSON.stringify's output is JSON). */
const withoutNulls = (value: object): Prisma.InputJsonObject => {
  const copy: unknown = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v)));
  return copy as Prisma.InputJsonObject;
};

/** Builds the row to store for a validated input. */
export function newMessageRow(input: SendSessionMessageInput, id: string): NewMessage {
  const messageId = input.messageId ?? id;
  return {
    id,
    businessId: input.businessId,
    messageId,
    clientMessageId: input.messageId != null,
    recipientId: input.recipient.id,
    recipientUserId: input.recipient.userId ?? null,
    recipientName: input.recipient.name ?? null,
    senderId: input.sender?.id ?? null,
    senderName: input.sender?.name ?? null,
    contentType: CONTENT_TYPES[contentKeyOf(input.content)].stored,
    content: withoutNulls(input.content),
    // toRestBody leaves out absent fields itself; nulls inside callbackData are the client's data.
    requestBody: toRestBody(input, messageId) as unknown as Prisma.InputJsonValue,
    callbackData: input.callbackData == null ? null : input.callbackData,
    campaignName: input.campaignName ?? null,
    orderParentId: input.order?.parentId ?? null,
    orderStrategy: input.order?.strategy ?? null,
  };
}

/** Sends one message; `root` names the input in validation paths ("input", or "inputs[i]" in a batch). */
export async function sendSessionMessage(deps: SendSessionMessageDeps, input: SendSessionMessageInput, root = "input"): Promise<SendOutcome> {
  const issues = validateSendSessionMessageInput(input, root);
  if (issues.length > 0) return { ok: false, error: { kind: "invalid", issues } };

  const apiKey = deps.apiKeyFor(input.businessId);
  if (apiKey == null) return { ok: false, error: { kind: "businessNotConfigured", businessId: input.businessId } };

  const draft = newMessageRow(input, deps.newId());
  const created = await deps.store.createPending(draft);
  let row: MessageRow;
  if (created.created) {
    row = created.row;
  } else {
    // The same messageId again: an idempotent replay when the request is the same, a conflict otherwise.
    const { existing } = created;
    if (canonicalJson(existing.requestBody) !== canonicalJson(draft.requestBody)) {
      return { ok: false, error: { kind: "messageIdConflict", messageId: draft.messageId, existing } };
    }
    // FAILED or UNCONFIRMED: send again, with the same message.id (Connectly deduplicates by it).
    if (existing.status !== "FAILED" && existing.status !== "UNCONFIRMED") return { ok: true, message: existing };
    const reopened = await deps.store.reopenFailed(existing.id);
    if (!reopened) return { ok: true, message: (await deps.store.findById(existing.id)) ?? existing };
    row = reopened;
  }
  return deliver(deps, row, apiKey);
}

/**
 * Delivers a stored PENDING row and records the outcome on it. The row's `attempts` already counts
 * the first call of this delivery; while retries go on it counts the call about to start, and at
 * the end the calls made.
 */
export async function deliver(
  deps: SendSessionMessageDeps,
  row: MessageRow,
  apiKey: string,
  policy?: {
    readonly maxAttempts: number;
    /** How the stored failure reads, when the caller's situation says more than Connectly's answer (crash recovery). */
    readonly describeFailure?: (failure: DeliveryFailure) => { readonly code: ErrorCode; readonly message: string };
  },
): Promise<SendOutcome> {
  const base = row.attempts - 1;
  const outcome = await deps.delivery.send(
    row.businessId,
    apiKey,
    row.requestBody as unknown as RestSendMessageBody,
    (attempts, failure) => deps.store.recordAttempt(row.id, base + attempts + 1, failure.message),
    policy && { maxAttempts: policy.maxAttempts },
  );
  if (outcome.ok) {
    const accepted = await deps.store.markAccepted(row, outcome.id, outcome.status, base + outcome.attempts);
    deps.onOutcome?.(accepted);
    return { ok: true, message: accepted };
  }
  const { failure, unconfirmed } = outcome;
  const described = policy?.describeFailure?.(failure);
  const failed = await deps.store.markFailed(row, {
    code: described?.code ?? failure.code,
    message: described?.message ?? (unconfirmed ? unconfirmedMessage(failure) : failure.message),
    upstreamStatus: failure.upstream.status ?? null,
    attempts: base + outcome.attempts,
    status: unconfirmed ? "UNCONFIRMED" : "FAILED",
  });
  deps.onOutcome?.(failed);
  return { ok: false, error: { kind: "upstream", failure, unconfirmed, message: failed } };
}

export const unconfirmedMessage = (failure: DeliveryFailure): string =>
  `${failure.message} An earlier attempt may have reached Connectly, so the message may have been accepted; sending it again with the same messageId is safe (Connectly deduplicates by id).`;

/** Most inputs one sendSessionMessages call takes. */
export const MAX_BATCH = 1000;

/** Sends several messages through the same path; one outcome per input, in input order. */
export function sendSessionMessages(deps: SendSessionMessageDeps, inputs: readonly SendSessionMessageInput[]): Promise<SendOutcome[]> {
  return Promise.all(inputs.map((input, i) => sendSessionMessage(deps, input, `inputs[${i}]`)));
}
