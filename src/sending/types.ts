/** What the send path runs on, and the outcome of one send: the stored message or why it failed. */
import type { Delivery, DeliveryFailure } from "../connectly/delivery.js";
import type { CatalogFailure, ReadCatalog } from "../domain/templates.js";
import type { MessageRow, MessageStore } from "../persistence/messages.js";
import type { ValidationIssue } from "../validation/values.js";

export interface SendingDeps {
  readonly store: MessageStore;
  readonly delivery: Delivery;
  /** The API key for a business, or undefined when the gateway has none for it. */
  readonly apiKeyFor: (businessId: string) => string | undefined;
  /** A new, sortable, unique id for a message. */
  readonly newId: () => string;
  /** The business's template catalog, cached for every gateway process. */
  readonly catalog: ReadCatalog;
  /** What a template send does when no catalog can be read (TEMPLATE_CATALOG_UNREADABLE). */
  readonly catalogUnreadable: "refuse" | "send-unchecked";
  /** Whether the gateway's record shows the customer's window closed: they wrote, more than 24 hours ago. */
  readonly windowKnownClosed: (businessId: string, customerId: string) => Promise<boolean>;
  /** Told of every send outcome stored (ACCEPTED, FAILED, UNCONFIRMED), for subscribers; must not throw. */
  readonly onOutcome?: (message: MessageRow) => void;
}

export type SendOutcome = { readonly ok: true; readonly message: MessageRow } | { readonly ok: false; readonly error: SendError };

export type SendError =
  | { readonly kind: "invalid"; readonly issues: readonly ValidationIssue[] }
  | { readonly kind: "businessNotConfigured"; readonly businessId: string }
  | { readonly kind: "messageIdConflict"; readonly messageId: string; readonly existing: MessageRow }
  | { readonly kind: "catalogUnavailable"; readonly businessId: string; readonly failure: CatalogFailure }
  | {
      readonly kind: "upstream";
      readonly failure: DeliveryFailure;
      /** Connectly may have the message: an attempt was not answered and retries ran out. */
      readonly unconfirmed: boolean;
      readonly message: MessageRow;
    };

/** Most inputs one batch call takes. */
export const MAX_BATCH = 1000;
