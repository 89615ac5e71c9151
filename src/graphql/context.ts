import type { SendSessionMessageDeps } from "../sending/send-session-message.js";
import type { CustomerStore } from "../persistence/customers.js";
import type { MessageStore } from "../persistence/messages.js";
import type { StatusEventStore } from "../persistence/status-events.js";
import type { PubSub } from "../pubsub/pubsub.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** The ports of the core, built once per server. */
export interface GraphQLServices {
  readonly messages: MessageStore;
  readonly statusEvents: StatusEventStore;
  readonly customers: CustomerStore;
  readonly sending: SendSessionMessageDeps;
  readonly pubsub: PubSub;
  /** The clock, for the session window. */
  readonly now: () => number;
}

/** What every resolver receives: the services, and loaders of its own request. */
export interface GraphQLContext extends GraphQLServices {
  readonly loaders: Loaders;
}

/** A request's context; a subscription's context lives for many events, so its loaders do not cache. */
export const createContext = (services: GraphQLServices, options: { subscription: boolean } = { subscription: false }): GraphQLContext => ({
  ...services,
  loaders: createLoaders(services, { cache: !options.subscription }),
});
