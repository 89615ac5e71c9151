/**
 * customerActivity over a real WebSocket (graphql-ws on /graphql), with the typed document of
 * test/operations/inbound.graphql: each event awaited one at a time, the clients disposed after.
 */
import { print } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { CustomerActivityDocument, type CustomerActivitySubscription, type CustomerActivitySubscriptionVariables } from "../generated/graphql.js";

export type Activity = CustomerActivitySubscription["customerActivity"];

export interface ActivityResult {
  readonly data?: CustomerActivitySubscription | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface ActivityWatch {
  /** The next result (data or errors), as it arrives. */
  result(): Promise<ActivityResult>;
  /** The next activity; fails on an error result. */
  next(): Promise<Activity>;
  close(): Promise<void>;
}

const QUERY = print(CustomerActivityDocument);
const clients: Client[] = [];

/** Subscribes to customerActivity on the gateway at `base` (its own connection). */
export function watchActivity(base: string, variables: CustomerActivitySubscriptionVariables): ActivityWatch {
  const client = createClient({ url: `${base.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  clients.push(client);
  const iterator = client.iterate<CustomerActivitySubscription>({ query: QUERY, variables });
  const result = async (): Promise<ActivityResult> => {
    const step = await iterator.next();
    if (step.done) throw new Error("the subscription ended");
    return step.value;
  };
  return {
    result,
    async next() {
      const r = await result();
      if (r.errors || !r.data) throw new Error(`subscription error: ${JSON.stringify(r.errors)}`);
      return r.data.customerActivity;
    },
    async close() {
      await iterator.return?.();
      await client.dispose();
    },
  };
}

/** Disposes every client opened so far. */
export async function closeActivityClients(): Promise<void> {
  await Promise.all(clients.splice(0).map(async (c) => c.dispose()));
}
