/**
 * Sends from tests with the typed documents generated from test/operations/ (the client preset), over
 * real HTTP. A result is the SDL's union narrowed by __typename, so no response type is written by hand.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type DocumentNode } from "graphql";
import { expect } from "vitest";
import {
  SendSessionMessageDocument,
  SendSessionMessagesDocument,
  type SendResultFieldsFragment,
  type SendSessionMessageInput,
  type SendSessionMessageMutation,
  type SendSessionMessagesMutation,
} from "../generated/graphql.js";
import { acceptedMessage, postGraphQL, type GraphQLResponse } from "./gateway.js";

export type { SendSessionMessageInput };

/** Where a request goes: anything with the gateway's base URL (a TestGateway, a Gateway), or the URL itself. */
export type Target = string | { readonly url: string };

/** One send's result: the stored Message or one of the error types. */
export type SendResult = SendResultFieldsFragment;
export type ResultTypename = SendResult["__typename"];
export type ResultOf<T extends ResultTypename> = Extract<SendResult, { __typename: T }>;
export type SentMessage = ResultOf<"Message">;
export type BatchPayload = SendSessionMessagesMutation["sendSessionMessages"];

const printed = new WeakMap<DocumentNode, string>();

/** Posts a typed document (printed once per document) and returns the response typed by it. */
export function execute<TData, TVariables extends Record<string, unknown>>(
  target: Target,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<GraphQLResponse<TData>> {
  let query = printed.get(document);
  if (query === undefined) printed.set(document, (query = print(document)));
  return postGraphQL<TData>(typeof target === "string" ? target : target.url, query, variables);
}

/** The single send's whole response, for tests of what stays a GraphQL error (auth, limits) or of the HTTP answer. */
export const sendResponse = (target: Target, input: SendSessionMessageInput): Promise<GraphQLResponse<SendSessionMessageMutation>> =>
  execute(target, SendSessionMessageDocument, { input });

/** Sends one message; expects no GraphQL error and returns the result, whichever member it is. */
export async function send(target: Target, input: SendSessionMessageInput): Promise<SendResult> {
  const response = await sendResponse(target, input);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data!.sendSessionMessage;
}

/** Expects the result to be a `typename` (the whole result shows when it is not) and returns it as one. */
export function expectResult<T extends ResultTypename>(result: SendResult, typename: T): ResultOf<T> {
  expect(result).toMatchObject({ __typename: typename });
  return result as ResultOf<T>;
}

/** Sends one message and expects it stored and ACCEPTED; returns the message. */
export async function sendAccepted(target: Target, input: SendSessionMessageInput): Promise<SentMessage> {
  return acceptedMessage(await sendResponse(target, input));
}

/** Sends one message and expects a `typename` error; returns it. */
export async function sendFailing<T extends Exclude<ResultTypename, "Message">>(
  target: Target,
  input: SendSessionMessageInput,
  typename: T,
): Promise<ResultOf<T>> {
  return expectResult(await send(target, input), typename);
}

/** Sends a batch; expects no GraphQL error and returns the payload. */
export async function sendBatch(target: Target, inputs: readonly SendSessionMessageInput[]): Promise<BatchPayload> {
  const response = await execute(target, SendSessionMessagesDocument, { inputs: [...inputs] });
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data!.sendSessionMessages;
}
