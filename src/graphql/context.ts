import type { SendingDeps } from "../sending/types.js";
import type { ReadCatalog } from "../domain/templates.js";
import type { CustomerStore } from "../persistence/customers.js";
import type { InboundMessageStore } from "../persistence/inbound-messages.js";
import type { ActivityPubSub } from "../pubsub/activity.js";
import type { ConversationStore } from "../persistence/conversations.js";
import type { CustomerListStore } from "../persistence/customer-list.js";
import type { MessageCountStore } from "../persistence/message-counts.js";
import type { MessageStore } from "../persistence/messages.js";
import type { StatusEventStore } from "../persistence/status-events.js";
import type { PubSub } from "../pubsub/pubsub.js";
import type { OperationTypeNode } from "graphql";
import type { ErrorCode } from "./generated/types.js";
import type { Principal } from "../auth/principal.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** The ports of the core, built once per server. */
export interface GraphQLServices {
  readonly messages: MessageStore;
  readonly statusEvents: StatusEventStore;
  readonly customers: CustomerStore;
  readonly inboundMessages: InboundMessageStore;
  /** Customer activity, for the customerActivity subscription. */
  readonly activity: ActivityPubSub;
  /** The reads of conversation, customers and messageCounts. */
  readonly conversations: ConversationStore;
  readonly customerList: CustomerListStore;
  readonly messageCounts: MessageCountStore;
  readonly sending: SendingDeps;
  /** The businesses' template catalogs (templates and refreshTemplates read them). */
  readonly catalog: ReadCatalog;
  readonly pubsub: PubSub;
  /** The clock, for the session window. */
  readonly now: () => number;
}

/** What every resolver receives: the services, the caller, and loaders of its own request. */
export interface GraphQLContext extends GraphQLServices {
  readonly loaders: Loaders;
  /** Who is calling; authorization.ts checks it on every root field. */
  readonly principal: Principal;
  /**
   * What is learnt of the operation while it runs: its type (the HTTP layer's query timeout spares
   * mutations), the businesses authorization checked and the codes of the error results it returned
   * (for logs and metrics: a send that fails as data raises no GraphQL error).
   */
  readonly operation: {
    type: OperationTypeNode | null;
    readonly businesses: Set<string>;
    readonly requestId: string | null;
    readonly resultErrors: ErrorCode[];
  };
}

/**
 * A request's context; a subscription's context lives for many events, so its loaders do not cache.
 * Built on every request: the services are copied by name, because an object spread of them cost
 * several times as much (docs/benchmarks.md).
 */
export const createContext = (
  services: GraphQLServices,
  principal: Principal,
  options: { subscription?: boolean; requestId?: string } = {},
): GraphQLContext => ({
  messages: services.messages,
  statusEvents: services.statusEvents,
  customers: services.customers,
  inboundMessages: services.inboundMessages,
  activity: services.activity,
  conversations: services.conversations,
  customerList: services.customerList,
  messageCounts: services.messageCounts,
  sending: services.sending,
  catalog: services.catalog,
  pubsub: services.pubsub,
  now: services.now,
  principal,
  operation: { type: null, businesses: new Set(), requestId: options.requestId ?? null, resultErrors: [] },
  loaders: createLoaders(services, { cache: options.subscription !== true }),
});
