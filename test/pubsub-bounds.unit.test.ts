/**
 * A slow subscriber's pending changes are bounded (pubsub.ts): up to maxPending they wait in order;
 * one more ends the subscription with SUBSCRIBER_TOO_SLOW, which reaches the client as that code
 * (not masked as an internal error), and the subscription holds nothing any more.
 */
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { createFormatError } from "../src/graphql/errors.js";
import type { MessageRow } from "../src/persistence/messages.js";
import { createPubSub, statusChangesTooSlow, SubscriberTooSlowError, type StatusChange } from "../src/pubsub/pubsub.js";

const change = (n: number): StatusChange => ({ message: { id: `m-${n}`, businessId: "biz", campaignName: null } as MessageRow, event: null });

async function inProcess(maxPending: number) {
  return createPubSub({
    hydrate: async () => [],
    onError: (error) => {
      throw error;
    },
    maxPending,
  });
}

describe("bounded pending changes per subscription", () => {
  it("keeps up to maxPending unread changes, in order", async () => {
    const pubsub = await inProcess(3);
    const sub = pubsub.subscribe({ businessId: "biz", campaignName: null });
    pubsub.publish([change(1), change(2), change(3)]);
    const read = [await sub.next(), await sub.next(), await sub.next()].map((step) => step.value?.message.id);
    expect(read).toEqual(["m-1", "m-2", "m-3"]);
    expect(pubsub.subscriptions).toBe(1);
    await sub.return?.();
    await pubsub.close();
  });

  it("one more than maxPending: the next read fails with SUBSCRIBER_TOO_SLOW, then the subscription is done and gone", async () => {
    const pubsub = await inProcess(3);
    const slow = pubsub.subscribe({ businessId: "biz", campaignName: null });
    const keepingUp = pubsub.subscribe({ businessId: "biz", campaignName: null });
    const heard: string[] = [];
    const reading = (async () => {
      for (let i = 0; i < 5; i++) heard.push((await keepingUp.next()).value!.message.id);
    })();
    for (let n = 1; n <= 5; n++) {
      pubsub.publish([change(n)]);
      // The reader that keeps up takes each change before the next is published.
      await Promise.resolve();
    }
    await reading;
    expect(heard).toEqual(["m-1", "m-2", "m-3", "m-4", "m-5"]);
    const error = await slow.next().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SubscriberTooSlowError);
    expect((error as SubscriberTooSlowError).extensions).toEqual({ code: "SUBSCRIBER_TOO_SLOW", maxPending: 3 });
    expect((error as Error).message).toMatch(/updatedAfter/);
    expect(await slow.next()).toEqual({ done: true, value: undefined });
    expect(pubsub.subscriptions).toBe(1);
    await keepingUp.return?.();
    await pubsub.close();
  });

  it("as graphql-ws reports it (a GraphQLError around the iterator's error), formatError keeps its code and message", () => {
    const logged: unknown[] = [];
    const formatError = createFormatError({ error: (details) => void logged.push(details) });
    const wrapped = new GraphQLError(statusChangesTooSlow(1000).message, { originalError: statusChangesTooSlow(1000) });
    const formatted = formatError(wrapped.toJSON(), wrapped);
    expect(formatted.extensions).toEqual({ code: "SUBSCRIBER_TOO_SLOW", maxPending: 1000 });
    expect(formatted.message).toMatch(/fell more than 1000 status changes behind/);
    expect(logged).toEqual([]);
  });
});
