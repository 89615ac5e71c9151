/** The executable schema: the SDL files in schema/ plus the resolvers. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { DateTimeISOResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import { GraphQLScalarType, type GraphQLSchema } from "graphql";
import type { Resolvers } from "./generated/types.js";
import { authorizeSchema } from "./authorization.js";
import { customerQuery, Customer } from "./resolvers/customer.js";
import { Message, MessageContent, messageByConnectlyIdQuery, messageQuery } from "./resolvers/message.js";
import { MessageStatusChange, MessageStatusEvent, messageStatusChangedSubscription } from "./resolvers/message-status-changed.js";
import { messagesQuery } from "./resolvers/messages.js";
import { sendSessionMessageResolver } from "./resolvers/send-session-message.js";
import { sendSessionMessagesResolver } from "./resolvers/send-session-messages.js";

export const SCHEMA_DIR = fileURLToPath(new URL("../../schema", import.meta.url));

/** The SDL, read from schema/*.graphql in a stable order. */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), "utf8"));
}

/**
 * graphql-scalars' DateTime, answering with the ISO string itself rather than a Date for
 * JSON.stringify to convert: a result holding Dates (objects with toJSON) takes V8's slow
 * stringify path, about five times slower on a page of messages (bench/graphql-overhead). Same text out.
 */
export const DateTime = new GraphQLScalarType({ ...DateTimeResolver.toConfig(), serialize: (value) => DateTimeISOResolver.serialize(value) });

export const resolvers: Resolvers = {
  JSON: JSONResolver,
  DateTime,
  Query: { message: messageQuery, messageByConnectlyId: messageByConnectlyIdQuery, messages: messagesQuery, customer: customerQuery },
  Subscription: { messageStatusChanged: messageStatusChangedSubscription },
  Mutation: { sendSessionMessage: sendSessionMessageResolver, sendSessionMessages: sendSessionMessagesResolver },
  Message,
  MessageContent,
  MessageStatusChange,
  MessageStatusEvent,
  Customer,
};

/** The schema the gateway serves: every root field guarded by its rule in authorization.ts. */
export function buildSchema(): GraphQLSchema {
  return authorizeSchema(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
