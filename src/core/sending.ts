/** What the send path runs on: the message store, delivery, the API keys, and who hears each outcome. */
import type { Delivery } from "../connectly/delivery.js";
import type { MessageRow, MessageStore } from "../persistence/messages.js";
import type { PubSub } from "../pubsub/pubsub.js";
import { newMessageId } from "../sending/ids.js";
import type { SendingDeps } from "../sending/types.js";
import type { Ingest } from "../webhooks/ingest.js";
import type { ReadCatalog } from "../domain/templates.js";
import { sessionWindow, type CustomerStore } from "../persistence/customers.js";

export interface SendingParts {
  readonly messages: MessageStore;
  readonly delivery: Delivery;
  readonly apiKeyFor: (businessId: string) => string | undefined;
  readonly pubsub: Pick<PubSub, "publish">;
  readonly ingest: Pick<Ingest, "accepted">;
  readonly catalog: ReadCatalog;
  /** markWindowClosed also tells customerActivity's subscribers (core/activity.ts). */
  readonly customers: Pick<CustomerStore, "customers" | "markWindowClosed">;
  readonly catalogUnreadable: SendingDeps["catalogUnreadable"];
  readonly now: () => number;
  /** Told when recording a closed window fails (a send's outcome never waits for it). */
  readonly onError?: (error: unknown) => void;
}

/** Connectly said the customer's window is closed: the message failed for it, or its fallback went instead. */
const refusedAsOutsideWindow = (message: MessageRow): boolean =>
  (message.status === "FAILED" && message.errorCode === "SESSION_WINDOW_CLOSED") ||
  (message.status === "ACCEPTED" && message.fallbackReason === "CONNECTLY_REFUSED_SESSION");

export function createSending(parts: SendingParts): SendingDeps {
  const { pubsub, ingest } = parts;
  return {
    store: parts.messages,
    delivery: parts.delivery,
    apiKeyFor: parts.apiKeyFor,
    newId: newMessageId,
    catalog: parts.catalog,
    catalogUnreadable: parts.catalogUnreadable,
    async windowKnownClosed(businessId, customerId) {
      const [customer] = await parts.customers.customers([{ businessId, customerId }]);
      return customer?.lastInboundAt != null && !sessionWindow(customer, parts.now()).open;
    },
    onOutcome: (message) => {
      pubsub.publish([{ message, event: null }]);
      // Connectly is authoritative on the window: the gateway's record follows it.
      if (refusedAsOutsideWindow(message)) {
        parts.customers.markWindowClosed(message.businessId, message.recipientId, new Date(parts.now())).catch((error: unknown) => parts.onError?.(error));
      }
      // Events that beat the send's answer here are told to subscribers now, after the outcome.
      if (message.connectlyId != null) ingest.accepted(message.businessId, message.connectlyId);
    },
  };
}
