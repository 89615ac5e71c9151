/**
 * Messages as the delivery-status tests send and read them, with the typed documents of
 * test/operations/delivery.graphql (run through send.ts's execute): a text message sent and expected
 * ACCEPTED, a message read back with its delivery status and history, a page of messages, and the
 * sandbox's own status webhooks awaited.
 */
import { expect } from "vitest";
import type { PostedWebhook, Sandbox } from "../../src/sandbox/sandbox.js";
import {
  DeliveredMessageByConnectlyIdDocument,
  DeliveredMessageDocument,
  DeliveredMessagesDocument,
  SendForDeliveryDocument,
  type DeliveredMessageByConnectlyIdQuery,
  type DeliveredMessagesQuery,
  type DeliveredMessagesQueryVariables,
  type DeliveryFieldsFragment,
  type SendForDeliveryMutation,
  type SendSessionMessageInput,
} from "../generated/graphql.js";
import type { GraphQLResponse } from "./gateway.js";
import { execute, type Target } from "./send.js";
import type { StatusWord } from "./webhooks.js";

/** A message with what the send stored and what Connectly's webhooks reported since. */
export type Delivered = DeliveryFieldsFragment;
/** A message Connectly accepted: it has Connectly's id. */
export type SentText = Delivered & { readonly connectlyId: string };
/** The single send's result, whichever member it is. */
export type SendTextResult = SendForDeliveryMutation["sendSessionMessage"];
export type MessagesPage = DeliveredMessagesQuery["messages"];

/** What sendText sends unless `extra` says otherwise. */
const TEXT = "Your order has shipped.";

/** Sends a text message to `recipient` (`extra` adds or replaces input fields); expects no GraphQL error and returns the result. */
export async function sendTextResult(
  target: Target,
  businessId: string,
  recipient: string,
  extra: Partial<SendSessionMessageInput> = {},
): Promise<SendTextResult> {
  const input: SendSessionMessageInput = { businessId, recipient: { id: recipient }, content: { text: TEXT }, ...extra };
  const response = await execute(target, SendForDeliveryDocument, { input });
  expect(response.errors).toBeUndefined();
  return response.data!.sendSessionMessage;
}

/** Sends a text message and expects it ACCEPTED with a Connectly id; returns the message as the mutation answered. */
export async function sendText(target: Target, businessId: string, recipient: string, extra: Partial<SendSessionMessageInput> = {}): Promise<SentText> {
  const result = await sendTextResult(target, businessId, recipient, extra);
  // The whole result shows when it is an error instead.
  expect(result).toMatchObject({ __typename: "Message", status: "ACCEPTED", connectlyId: expect.any(String) as string });
  if (result.__typename !== "Message" || result.connectlyId === null) throw new Error(`expected an accepted Message, got ${result.__typename}`);
  return { ...result, connectlyId: result.connectlyId };
}

/** Reads a message by the gateway's id; expects it found. */
export async function readMessage(target: Target, id: string): Promise<Delivered> {
  const response = await execute(target, DeliveredMessageDocument, { id });
  expect(response.errors).toBeUndefined();
  expect(response.data?.message).not.toBeNull();
  return response.data!.message!;
}

/** messageByConnectlyId: the message's id, Connectly id and delivery status, or null. */
export async function messageByConnectlyId(target: Target, connectlyId: string): Promise<DeliveredMessageByConnectlyIdQuery["messageByConnectlyId"]> {
  const response = await execute(target, DeliveredMessageByConnectlyIdDocument, { connectlyId });
  expect(response.errors).toBeUndefined();
  return response.data!.messageByConnectlyId;
}

/** The messages query's whole response, for tests of its refusals. */
export const messagesResponse = (target: Target, variables: DeliveredMessagesQueryVariables): Promise<GraphQLResponse<DeliveredMessagesQuery>> =>
  execute(target, DeliveredMessagesDocument, variables);

/** One page of `messages(filter, first, after)`; expects no error. */
export async function messagesPage(target: Target, filter: DeliveredMessagesQueryVariables["filter"], first?: number, after?: string): Promise<MessagesPage> {
  const response = await messagesResponse(target, { filter, ...(first !== undefined ? { first } : {}), ...(after !== undefined ? { after } : {}) });
  expect(response.errors).toBeUndefined();
  return response.data!.messages;
}

// ---- the sandbox's own status webhooks ----------------------------------------------------------

/** The sandbox's webhook post that matches, whether already made or still to come. */
function sandboxWebhook(sandbox: Sandbox, matches: (w: PostedWebhook) => boolean): Promise<PostedWebhook> {
  const found = sandbox.webhooks.find(matches);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const listener = (w: PostedWebhook) => {
      if (!matches(w)) return;
      sandbox.events.off("webhook", listener);
      resolve(w);
    };
    sandbox.events.on("webhook", listener);
  });
}

/** Whether a sandbox post is the delivery_status event `word` of `connectlyId`. */
export const statusPosted =
  (connectlyId: string, word: StatusWord) =>
  (w: PostedWebhook): boolean => {
    const update = w.body.statusUpdate as { id?: string; status?: string } | undefined;
    return w.topic === "delivery_status" && update?.id === connectlyId && update.status === word;
  };

/**
 * Waits until the sandbox has posted each of `words` for `connectlyId` and the gateway answered
 * them; returns the posts in the order of `words`.
 */
export const sandboxStatusPosts = (sandbox: Sandbox, connectlyId: string, words: readonly StatusWord[]): Promise<PostedWebhook[]> =>
  Promise.all(words.map((word) => sandboxWebhook(sandbox, statusPosted(connectlyId, word))));
