/**
 * How delivery-status events are grouped into statements: an event alone is written at once; while
 * a batch is being written, a few more wait for it (a batch costs about as much for one event as
 * for ten), and enough of them start a batch of their own beside it. Through the ingest itself on
 * the real database, with the first statement held open to see what waits for it.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStores, type Stores } from "../src/core/stores.js";
import type { NewStatusEvent } from "../src/persistence/status-events.js";
import { createIngest, type Ingest, type IngestOutcome } from "../src/webhooks/ingest.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { nowSeconds, statusEvent } from "./support/webhooks.js";

let t: TestGateway;
let stores: Stores;
beforeAll(async () => {
  t = await startTestGateway("webhook-batching");
  stores = createStores(t.gateway.database, false);
});
afterAll(() => t?.close());

const MIN_WHILE_BUSY = 4;

/** Each statement's events, and a gate that holds the first statement open until released. */
function heldIngest(maxHoldBehindBatchMs = 60_000): { ingest: Ingest; statements: number[][]; started: Promise<void>; release: () => void } {
  const statements: number[][] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const first = new Promise<void>((resolve) => (started = resolve));
  const ingest = createIngest({
    ...stores,
    statusEvents: {
      ...stores.statusEvents,
      apply: async (events: readonly NewStatusEvent[]) => {
        statements.push(events.map((e) => Number(e.connectlyId.split("-").at(-1))));
        if (statements.length === 1) {
          started();
          await gate;
        }
        return stores.statusEvents.apply(events);
      },
    },
    pubsub: { publish: () => undefined, publishStored: () => Promise.resolve() },
    onError: (error) => {
      throw error;
    },
    minBatchWhileBusy: MIN_WHILE_BUSY,
    maxHoldBehindBatchMs,
  });
  return { ingest, statements, started: first, release };
}

const tag = () => randomBytes(5).toString("hex");
const businessId = () => `biz-batching-${tag()}`;
const body = (prefix: string, i: number) => Buffer.from(JSON.stringify(statusEvent(`${prefix}-${i}`, "sent", nowSeconds())));
/** One turn of the event loop: the batcher starts batches from a setImmediate. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const stored = (outcomes: IngestOutcome[]) => outcomes.map((o) => (o.status === 200 ? o.duplicate : o.status));

describe("grouping delivery-status events into statements", () => {
  it("an event alone is written at once, in a statement of its own", async () => {
    const { ingest, statements, release } = heldIngest();
    release();
    const biz = businessId();
    expect(stored([await ingest.ingest(body(`01AL${tag()}`, 0), biz, null)])).toEqual([false]);
    expect(statements).toEqual([[0]]);
    await ingest.close();
  });

  it("fewer than the minimum wait for the batch being written, then go together in one statement", async () => {
    const { ingest, statements, started, release } = heldIngest();
    const biz = businessId();
    const prefix = `01WT${tag()}`;
    const first = ingest.ingest(body(prefix, 0), biz, null);
    await started;
    const waiting = [1, 2, 3].map((i) => ingest.ingest(body(prefix, i), biz, null));
    await turn();
    await turn();
    expect(statements, "nothing else starts while the first is written").toEqual([[0]]);
    release();
    expect(stored([await first, ...(await Promise.all(waiting))])).toEqual([false, false, false, false]);
    expect(statements).toEqual([[0], [1, 2, 3]]);
    await ingest.close();
  });

  it("the minimum or more start a second statement beside the one being written", async () => {
    const { ingest, statements, started, release } = heldIngest();
    const biz = businessId();
    const prefix = `01BS${tag()}`;
    const first = ingest.ingest(body(prefix, 0), biz, null);
    await started;
    const more = [1, 2, 3, 4, 5].map((i) => ingest.ingest(body(prefix, i), biz, null));
    expect(stored(await Promise.all(more)), "answered while the first is still held").toEqual([false, false, false, false, false]);
    expect(statements).toEqual([[0], [1, 2, 3, 4, 5]]);
    release();
    expect(stored([await first])).toEqual([false]);
    await ingest.close();
  });

  it("held-back events wait for a slow batch only so long, then go in a statement of their own", async () => {
    const { ingest, statements, started, release } = heldIngest(5);
    const biz = businessId();
    const prefix = `01HO${tag()}`;
    const first = ingest.ingest(body(prefix, 0), biz, null);
    await started;
    const waiting = [1, 2].map((i) => ingest.ingest(body(prefix, i), biz, null));
    expect(stored(await Promise.all(waiting)), "answered while the first is still held").toEqual([false, false]);
    expect(statements).toEqual([[0], [1, 2]]);
    release();
    expect(stored([await first])).toEqual([false]);
    await ingest.close();
  });

  it("closing writes what still waits", async () => {
    const { ingest, statements, started, release } = heldIngest();
    const biz = businessId();
    const prefix = `01CL${tag()}`;
    const all = [ingest.ingest(body(prefix, 0), biz, null)];
    await started;
    all.push(ingest.ingest(body(prefix, 1), biz, null), ingest.ingest(body(prefix, 2), biz, null));
    const closed = ingest.close();
    release();
    await closed;
    expect(stored(await Promise.all(all))).toEqual([false, false, false]);
    expect(statements.flat().sort()).toEqual([0, 1, 2]);
  });

  it("a failure after the events are stored (publishing them) is reported, never an unhandled rejection", async () => {
    const biz = businessId();
    let reported!: (error: unknown) => void;
    const error = new Promise<unknown>((resolve) => (reported = resolve));
    const ingest = createIngest({
      ...stores,
      statusEvents: {
        ...stores.statusEvents,
        // As if the gateway had the message: the stored events are then published.
        apply: async (events: readonly NewStatusEvent[]) =>
          (await stores.statusEvents.apply(events)).map((a) => ({ ...a, messageId: "m-batching", messageBusinessId: biz })),
      },
      pubsub: { publish: () => undefined, publishStored: () => Promise.reject(new Error("publishing failed")) },
      onError: reported,
    });
    expect(stored([await ingest.ingest(body(`01PF${tag()}`, 0), biz, null)])).toEqual([false]);
    expect(await error).toEqual(new Error("publishing failed"));
    await ingest.close();
  });
});
