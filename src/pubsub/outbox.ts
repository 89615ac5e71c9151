/**
 * Notices on their way to other processes: what is published in the same turn of the event loop
 * leaves in one notice (or a few), so under load it is one NOTIFY per batch rather than per change.
 * Shared by status changes and customer activity.
 */
import type { Transport } from "./pubsub.js";

export interface Outbox<E> {
  readonly send: (entries: readonly E[]) => void;
  /** Sends what is waiting now, and nothing from then on. */
  readonly close: () => void;
  /** Sends not yet settled. */
  readonly sending: ReadonlySet<Promise<void>>;
}

/** Notices stay under PostgreSQL's 8,000-byte NOTIFY limit. */
const MAX_NOTICE_BYTES = 7_000;

/** Packs entries into as few notices `{ o: origin, [field]: entries }` as the limit allows. */
export function packNotices<E>(origin: string, field: string, entries: readonly E[]): string[] {
  const notices: string[] = [];
  let batch: E[] = [];
  let size = 0;
  for (const entry of entries) {
    const entrySize = JSON.stringify(entry).length + 1;
    if (size + entrySize > MAX_NOTICE_BYTES && batch.length > 0) {
      notices.push(JSON.stringify({ o: origin, [field]: batch }));
      batch = [];
      size = 0;
    }
    batch.push(entry);
    size += entrySize;
  }
  if (batch.length > 0) notices.push(JSON.stringify({ o: origin, [field]: batch }));
  return notices;
}

/** `encode` packs a batch into notices that fit the transport; absent transport: nothing leaves the process. */
export function createOutbox<E>(transport: Transport | undefined, encode: (entries: readonly E[]) => string[], onError: (error: unknown) => void): Outbox<E> {
  let waiting: E[] = [];
  const sending = new Set<Promise<void>>();
  let closed = false;
  const flush = () => {
    const entries = waiting;
    waiting = [];
    for (const notice of encode(entries)) {
      const sent = transport!.send(notice).catch(onError);
      sending.add(sent);
      void sent.finally(() => sending.delete(sent));
    }
  };
  return {
    send: (entries) => {
      if (!transport || closed || entries.length === 0) return;
      if (waiting.length === 0) setImmediate(flush);
      waiting.push(...entries);
    },
    // What is published once the pub/sub closes stays in this process: the pool may be gone, and
    // other processes' subscribers catch up from the database.
    close: () => {
      closed = true;
      if (waiting.length > 0) flush();
    },
    sending,
  };
}
