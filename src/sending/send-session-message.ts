/**
 * The session send: validate, store PENDING, deliver to Connectly (rate limit, retries), store
 * ACCEPTED, FAILED or UNCONFIRMED. Nothing invalid is stored or sent; every outcome is a value the
 * GraphQL layer turns into a result. With a fallbackTemplate, a customer whose window the gateway
 * knows closed gets the template at once, and one Connectly refuses gets it after the refusal.
 */
import type { Prisma } from "../persistence/generated/prisma/client.js";
import { CONTENT_TYPES, contentKeyOf, TEMPLATE_CONTENT } from "../domain/content-types.js";
import type { SendSessionMessageInput } from "../domain/message.js";
import { toRestBody } from "../connectly/rest-body.js";
import type { NewMessage } from "../persistence/messages.js";
import { validateSendSessionMessageInput } from "../validation/send-session-message.js";
import { storeAndDeliver, withoutNulls } from "./deliver.js";
import { asJson, checkTemplate, storedFallback, type StoredFallback } from "./templates.js";
import type { SendingDeps, SendOutcome } from "./types.js";

export type { SendError, SendingDeps, SendOutcome } from "./types.js";

/** The fallback a session message carries, and whether the gateway already knows it must be sent instead. */
interface Fallback {
  readonly stored: StoredFallback;
  readonly knownClosed: boolean;
}

const KNOWN_CLOSED =
  "The gateway's record of the customer's messages shows their 24-hour window closed (they last wrote more than 24 hours ago, or Connectly has since refused a session message as outside it), so the session message was not sent; its fallback template was sent instead.";

/** Builds the row to store for a validated input. */
export function newMessageRow(input: SendSessionMessageInput, id: string, fallback: Fallback | null = null): NewMessage {
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
    contentType: fallback?.knownClosed ? TEMPLATE_CONTENT.stored : CONTENT_TYPES[contentKeyOf(input.content)].stored,
    content: withoutNulls(input.content),
    // toRestBody leaves out absent fields itself; nulls inside callbackData are the client's data.
    requestBody: toRestBody(input, messageId) as unknown as Prisma.InputJsonValue,
    callbackData: input.callbackData == null ? null : input.callbackData,
    campaignName: input.campaignName ?? null,
    orderParentId: input.order?.parentId ?? null,
    orderStrategy: input.order?.strategy ?? null,
    fallback: fallback ? asJson(fallback.stored) : null,
    fallbackReason: fallback?.knownClosed ? "SESSION_WINDOW_CLOSED" : null,
    fallbackMessage: fallback?.knownClosed ? KNOWN_CLOSED : null,
  };
}

/** Checks the fallback template against the catalog and asks whether the window is known closed. */
async function prepareFallback(deps: SendingDeps, input: SendSessionMessageInput, apiKey: string, root: string): Promise<SendOutcome | Fallback | null> {
  const template = input.fallbackTemplate;
  if (template == null) return null;
  const checked = await checkTemplate(deps, input.businessId, apiKey, template, `${root}.fallbackTemplate`);
  if (!checked.ok) return checked;
  const stored = storedFallback(
    { recipientId: input.recipient.id, senderId: input.sender?.id, template, callbackData: input.callbackData, campaignName: input.campaignName },
    checked.checked,
  );
  return { stored, knownClosed: await deps.windowKnownClosed(input.businessId, input.recipient.id) };
}

/** Sends one message; `root` names the input in validation paths ("input", or "inputs[i]" in a batch). */
export async function sendSessionMessage(deps: SendingDeps, input: SendSessionMessageInput, root = "input"): Promise<SendOutcome> {
  const issues = validateSendSessionMessageInput(input, root);
  if (issues.length > 0) return { ok: false, error: { kind: "invalid", issues } };

  const apiKey = deps.apiKeyFor(input.businessId);
  if (apiKey == null) return { ok: false, error: { kind: "businessNotConfigured", businessId: input.businessId } };

  const fallback = await prepareFallback(deps, input, apiKey, root);
  if (fallback != null && "ok" in fallback) return fallback;
  return storeAndDeliver(deps, newMessageRow(input, deps.newId(), fallback), apiKey);
}

/** Sends several messages through the same path; one outcome per input, in input order. */
export function sendSessionMessages(deps: SendingDeps, inputs: readonly SendSessionMessageInput[]): Promise<SendOutcome[]> {
  return Promise.all(inputs.map((input, i) => sendSessionMessage(deps, input, `inputs[${i}]`)));
}
