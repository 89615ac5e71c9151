/**
 * What the gateway closes, in the one order it closes them: at shutdown and after a failed start.
 * The edge stops taking work first (in-flight requests finish on everything below it), then each
 * part goes before what it uses: ingestion before pub/sub, delivery's limiter before Connectly's
 * client, the sandbox and the database near the end, tracing last so every span is exported.
 */
export const CLOSE_ORDER = ["http", "recovery sweep", "ingest", "pubsub", "activity", "limiter", "connectly", "sandbox", "database", "tracing"] as const;

export type Part = (typeof CLOSE_ORDER)[number];

export interface Shutdown {
  /** Records that `part` is open and how it closes. */
  opened(part: Part, close: () => Promise<void>): void;
  /** True from the moment close() is first called. */
  readonly closing: boolean;
  /**
   * Closes every opened part in CLOSE_ORDER, once (later calls get the same promise). A part that
   * fails to close does not keep the rest open; the first failure is thrown at the end.
   */
  close(): Promise<void>;
}

export function createShutdown(): Shutdown {
  const open = new Map<Part, () => Promise<void>>();
  let closing = false;
  let closed: Promise<void> | undefined;
  const closeAll = async () => {
    const failures: unknown[] = [];
    for (const part of CLOSE_ORDER) {
      const close = open.get(part);
      open.delete(part);
      if (close) await close().catch((error: unknown) => failures.push(new Error(`closing ${part} failed`, { cause: error })));
    }
    if (failures.length > 0) throw failures[0];
  };
  return {
    opened: (part, close) => {
      if (open.has(part)) throw new Error(`${part} is already open`);
      open.set(part, close);
    },
    get closing() {
      return closing;
    },
    close: () => {
      // Set before the first part closes, so everything asked from now on sees it.
      closing = true;
      return (closed ??= closeAll());
    },
  };
}
