import type { SendSessionMessageDeps } from "../sending/send-session-message.js";
import type { MessageStore } from "../persistence/messages.js";

/** What every resolver receives: the ports of the core, built once per server. */
export interface GraphQLContext {
  readonly messages: MessageStore;
  readonly sending: SendSessionMessageDeps;
}
