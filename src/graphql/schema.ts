/** The executable schema: the SDL files in schema/ plus the resolvers. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { DateTimeISOResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import { GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema, type ValueNode } from "graphql";
import type { InputRule } from "../domain/errors.js";
import type { Resolvers } from "./generated/types.js";
import { authorizeSchema } from "./authorization.js";
import { customerQuery, Customer } from "./resolvers/customer.js";
import { CustomerActivity, customerActivitySubscription } from "./resolvers/customer-activity.js";
import { InboundContent, InboundMessage, inboundMessageQuery, messageReplies } from "./resolvers/inbound-message.js";
import { Conversation, ConversationEntry, conversationQuery } from "./resolvers/conversation.js";
import { CustomerConnection, customersQuery } from "./resolvers/customers.js";
import { messageCountsQuery } from "./resolvers/message-counts.js";
import { Message, MessageContent, messageByConnectlyIdQuery, messageByMessageIdQuery, messageQuery } from "./resolvers/message.js";
import { MessageStatusChange, MessageStatusEvent, messageStatusChangedSubscription } from "./resolvers/message-status-changed.js";
import { MessageConnection, messagesQuery } from "./resolvers/messages.js";
import { sendSessionMessageResolver } from "./resolvers/send-session-message.js";
import { sendSessionMessagesResolver } from "./resolvers/send-session-messages.js";
import { sendTemplateMessageResolver } from "./resolvers/send-template-message.js";
import { sendTemplateMessagesResolver } from "./resolvers/send-template-messages.js";
import { refreshTemplatesMutation, templatesQuery, TemplatesResult } from "./resolvers/templates.js";
import { ErrorResult, SendSessionMessageResult, SendTemplateMessageResult, SessionWindowClosedError } from "./resolvers/send-result.js";
import { jsonNumberLiteral } from "../validation/values.js";
import { isoString } from "./iso-time.js";

const SCHEMA_DIR = fileURLToPath(new URL("../../schema", import.meta.url));

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
 * stringify path, much slower on a page of messages (docs/benchmarks.md). Same text out.
 */
export const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  // A valid Date (every stored instant) is written by isoString; anything else is graphql-scalars' to judge.
  serialize: (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? isoString(value) : DateTimeISOResolver.serialize(value)),
});

/** The first number written in a JSON literal that a JSON number would not keep exactly. */
const lossyNumber = (node: ValueNode): { raw: string; message: string } | null => {
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) {
    const problem = jsonNumberLiteral(node.value);
    return problem ? { raw: node.value, message: problem.message } : null;
  }
  const children = node.kind === Kind.LIST ? node.values : node.kind === Kind.OBJECT ? node.fields.map((f) => f.value) : [];
  for (const child of children) {
    const found = lossyNumber(child);
    if (found) return found;
  }
  return null;
};

/**
 * graphql-scalars' JSON, refusing numbers written in the document that would not be echoed as
 * written (1e400, 123456789012345678901234567890, 0.12345678901234567890). Only a literal still has
 * their text: in variables JSON.parse has already rounded them, and the input rules catch what they can.
 */
export const JSON_SCALAR = new GraphQLScalarType({
  ...JSONResolver.toConfig(),
  parseLiteral: (node, variables) => {
    const lossy = lossyNumber(node);
    if (lossy) {
      // formatError adds the field (the literal's path) and issues, as for GraphQL's own coercion errors.
      const rule: InputRule = "CALLBACK_DATA_NUMBER";
      throw new GraphQLError(`callbackData ${lossy.message}.`, { nodes: node, extensions: { rule } });
    }
    const value: unknown = JSONResolver.parseLiteral(node, variables);
    return value;
  },
});

const resolvers: Resolvers = {
  JSON: JSON_SCALAR,
  DateTime,
  Query: {
    message: messageQuery,
    messageByConnectlyId: messageByConnectlyIdQuery,
    messages: messagesQuery,
    messageByMessageId: messageByMessageIdQuery,
    messageCounts: messageCountsQuery,
    conversation: conversationQuery,
    customers: customersQuery,
    customer: customerQuery,
    inboundMessage: inboundMessageQuery,
    templates: templatesQuery,
  },
  Subscription: { messageStatusChanged: messageStatusChangedSubscription, customerActivity: customerActivitySubscription },
  Mutation: {
    sendSessionMessage: sendSessionMessageResolver,
    sendSessionMessages: sendSessionMessagesResolver,
    sendTemplateMessage: sendTemplateMessageResolver,
    sendTemplateMessages: sendTemplateMessagesResolver,
    refreshTemplates: refreshTemplatesMutation,
  },
  Message: { ...Message, replies: messageReplies },
  MessageContent,
  InboundMessage,
  InboundContent,
  CustomerActivity,
  MessageConnection,
  Conversation,
  ConversationEntry,
  CustomerConnection,
  MessageStatusChange,
  MessageStatusEvent,
  Customer,
  SendSessionMessageResult,
  SendTemplateMessageResult,
  TemplatesResult,
  ErrorResult,
  SessionWindowClosedError,
};

/** The schema the gateway serves: every root field guarded by its rule in authorization.ts. */
export function buildSchema(): GraphQLSchema {
  return authorizeSchema(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
