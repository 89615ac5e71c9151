/**
 * A small typed client of the gateway, on urql with the documents codegen generates from
 * examples/operations/*.graphql (examples/generated/). Queries and mutations go over HTTP with the
 * bearer token; subscriptions over graphql-ws with the token in connection_init. Runs in Node 20+
 * and in browsers (examples/web/).
 */
import { Client, fetchExchange, subscriptionExchange, type AnyVariables, type TypedDocumentNode } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import {
  ConversationDocument,
  CustomerActivityDocument,
  MessageHistoryDocument,
  SendButtonsDocument,
  SendTemplateDocument,
  SendTextDocument,
  SendWithFallbackDocument,
  StatusChangesDocument,
  TemplatesDocument,
  type ConversationQuery,
  type CustomerActivitySubscription,
  type MessageHistoryQuery,
  type ReplyButtonInput,
  type SendButtonsMutation,
  type SendTemplateMessageInput,
  type SendTemplateMutation,
  type SendTextMutation,
  type SendWithFallbackMutation,
  type StatusChangesSubscription,
  type TemplateFilter,
  type TemplateInput,
  type TemplatesQuery,
} from "../generated/graphql.js";

export interface GatewayClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  /** A bearer token (`npm run token`); none when the gateway runs without auth (sandbox on 127.0.0.1). */
  readonly token?: string;
  /** WebSocket implementation for Node (the `ws` package); browsers have their own. */
  readonly webSocketImpl?: unknown;
}

/** What a send answers: the stored message, or why it was not sent (an error as data). */
export type SendResult = SendTextMutation["sendSessionMessage"];
export type SentMessage = Extract<SendResult, { __typename: "Message" }>;
export type SendFailure = Exclude<SendResult, { __typename: "Message" }>;
/** A template send's result, and a session send's with a fallback template (its content is the template when the window was closed). */
export type TemplateSendResult = SendTemplateMutation["sendTemplateMessage"];
export type FallbackSendResult = SendWithFallbackMutation["sendSessionMessage"];
export type TemplatesResult = TemplatesQuery["templates"];
export type HistoryPage = MessageHistoryQuery["messages"];
export type StatusChange = StatusChangesSubscription["messageStatusChanged"];
/** A page of a conversation (oldest first) and what a customer did, as pushed live. */
export type ConversationPage = ConversationQuery["conversation"];
export type CustomerActivity = CustomerActivitySubscription["customerActivity"];
export type SendButtonsResult = SendButtonsMutation["sendSessionMessage"];

export interface GatewayClient {
  /** Resolves with the result, a failed send included; rejects only when the request could not run (auth, network). */
  sendText(businessId: string, to: string, text: string): Promise<SendResult>;
  /** Sends `text`, or `fallback` instead when the customer's 24-hour window is closed. */
  sendWithFallback(businessId: string, to: string, text: string, fallback: TemplateInput): Promise<FallbackSendResult>;
  sendTemplate(input: SendTemplateMessageInput): Promise<TemplateSendResult>;
  /** The business's template catalog (approved, pending and rejected), with the parameters each expects. */
  templates(businessId: string, filter?: TemplateFilter): Promise<TemplatesResult>;
  history(businessId: string, first?: number, after?: string): Promise<HistoryPage>;
  /** The newest `last` entries of the conversation with a customer (or those before `before`), oldest first. */
  conversation(businessId: string, customerId: string, last?: number, before?: string): Promise<ConversationPage>;
  /** Sends a reply-button message (1 to 3 buttons). */
  sendButtons(businessId: string, to: string, body: string, buttons: ReplyButtonInput[]): Promise<SendButtonsResult>;
  /** Calls `onActivity` for each message and window change of the business's customers (or of one); returns the function that stops it. */
  watchCustomers(
    businessId: string,
    customerId: string | undefined,
    onActivity: (activity: CustomerActivity) => void,
    onError?: (error: Error) => void,
  ): () => void;
  /** Calls `onChange` for each status change of the business's messages; returns the function that stops it. */
  watch(businessId: string, onChange: (change: StatusChange) => void, onError?: (error: Error) => void): () => void;
  close(): Promise<void>;
}

/** What every failed result has (an error as data), and an input error's field and rule. */
export interface Failure {
  readonly __typename: string;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly rule?: string;
}

/** A failed send (or catalog read) in a line: its code and message, and for an input error the field and rule. */
export function describeFailure(failure: Failure): string {
  const where = failure.field != null ? ` (${failure.field}: ${failure.rule ?? "?"})` : "";
  return `${failure.code}${where}: ${failure.message}`;
}

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const authorization = options.token ? `Bearer ${options.token}` : undefined;
  const ws: WsClient = createWsClient({
    url: options.url.replace(/^http/, "ws"),
    connectionParams: authorization ? { authorization } : {},
    lazy: true,
    ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
  });
  const client = new Client({
    url: options.url,
    // POST for queries too: the gateway refuses GETs a browser could send without a preflight (CSRF).
    preferGetMethod: false,
    fetchOptions: (): RequestInit => (authorization ? { headers: { authorization } } : {}),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? "" }, sink) }),
        }),
      }),
    ],
  });

  const run = async <Data, Variables extends AnyVariables>(
    kind: "query" | "mutation",
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
  ): Promise<Data> => {
    const result = await (
      kind === "query" ? client.query(document, variables, { requestPolicy: "network-only" }) : client.mutation(document, variables)
    ).toPromise();
    if (result.error) throw result.error;
    if (!result.data) throw new Error("The gateway answered without data.");
    return result.data;
  };

  return {
    sendText: async (businessId, to, text) => (await run("mutation", SendTextDocument, { businessId, to, text })).sendSessionMessage,
    sendWithFallback: async (businessId, to, text, fallback) =>
      (await run("mutation", SendWithFallbackDocument, { businessId, to, text, fallback })).sendSessionMessage,
    sendTemplate: async (input) => (await run("mutation", SendTemplateDocument, { input })).sendTemplateMessage,
    templates: async (businessId, filter) => (await run("query", TemplatesDocument, { businessId, ...(filter ? { filter } : {}) })).templates,
    history: async (businessId, first = 20, after) => (await run("query", MessageHistoryDocument, { businessId, first, ...(after ? { after } : {}) })).messages,
    conversation: async (businessId, customerId, last = 20, before) =>
      (await run("query", ConversationDocument, { businessId, customerId, last, ...(before ? { before } : {}) })).conversation,
    sendButtons: async (businessId, to, body, buttons) => (await run("mutation", SendButtonsDocument, { businessId, to, body, buttons })).sendSessionMessage,
    watchCustomers(businessId, customerId, onActivity, onError) {
      const subscription = client.subscription(CustomerActivityDocument, { businessId, ...(customerId ? { customerId } : {}) }).subscribe((result) => {
        if (result.error) onError?.(result.error);
        else if (result.data) onActivity(result.data.customerActivity);
      });
      return () => subscription.unsubscribe();
    },
    watch(businessId, onChange, onError) {
      const subscription = client.subscription(StatusChangesDocument, { businessId }).subscribe((result) => {
        if (result.error) onError?.(result.error);
        else if (result.data) onChange(result.data.messageStatusChanged);
      });
      return () => subscription.unsubscribe();
    },
    close: () => ws.dispose() as Promise<void>,
  };
}
