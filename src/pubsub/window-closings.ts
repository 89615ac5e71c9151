/**
 * Windows closing by time, for a process's subscribers: while a business has subscribers here, one
 * timer waits for the earliest window of its customers to run out, then says which closed since
 * the last look (each once) and plans again. It plans again after every activity of the business
 * and at least every minute, so renewals and windows opened through other processes are seen.
 */

/** The database's view of windows (CustomerSession), read through its (businessId, lastInboundAt) index. */
export interface WindowClock {
  /** When the earliest window still open after `after` runs out, or null when none is open then. */
  nextExpiry(businessId: string, after: Date): Promise<Date | null>;
  /** The customers whose window ran out in (from, to], not already known closed, in pages. */
  expiredBetween(businessId: string, from: Date, to: Date, page: ExpiredPage | null): Promise<ExpiredWindow[]>;
}

export interface ExpiredWindow {
  readonly customerId: string;
  readonly lastInboundAt: Date;
}

/** Where the next page of expiredBetween starts (after this row), and its size. */
export interface ExpiredPage {
  readonly after: ExpiredWindow | null;
  readonly limit: number;
}

export interface WindowClosingsOptions {
  readonly windows: WindowClock;
  readonly now: () => number;
  readonly closed: (businessId: string, customerId: string) => void;
  readonly onError: (error: unknown) => void;
  /** Longest wait between two looks (ms). */
  readonly maxWaitMs?: number;
}

export interface WindowClosings {
  watch(businessId: string): void;
  unwatch(businessId: string): void;
  /** Something happened in the business: plan its timer again. */
  replan(businessId: string): void;
  close(): void;
}

interface Watch {
  /** Closings up to this time have been told. */
  since: Date;
  timer: NodeJS.Timeout | undefined;
  /** The look or plan under way; the next waits for it. */
  chain: Promise<void>;
  /** A plan is queued behind the chain (further replans join it). */
  queued: boolean;
}

const PAGE = 1_000;

export function createWindowClosings(options: WindowClosingsOptions): WindowClosings {
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const watches = new Map<string, Watch>();
  let closed = false;

  const live = (businessId: string, watch: Watch) => !closed && watches.get(businessId) === watch;

  /** Tells every window of the business that ran out since the last look. */
  async function look(businessId: string, watch: Watch): Promise<void> {
    const upTo = new Date(options.now());
    if (upTo <= watch.since) return;
    let after: ExpiredWindow | null = null;
    for (;;) {
      const page = await options.windows.expiredBetween(businessId, watch.since, upTo, { after, limit: PAGE });
      if (!live(businessId, watch)) return;
      for (const w of page) options.closed(businessId, w.customerId);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!;
    }
    watch.since = upTo;
  }

  async function plan(businessId: string, watch: Watch): Promise<void> {
    const next = await options.windows.nextExpiry(businessId, watch.since);
    if (!live(businessId, watch)) return;
    const wait = next === null ? maxWaitMs : Math.min(maxWaitMs, Math.max(0, next.getTime() - options.now()));
    clearTimeout(watch.timer);
    watch.timer = setTimeout(() => enqueue(businessId, watch, true), wait);
    watch.timer.unref();
  }

  /** Runs a plan (after a look, when `looking`) once what is under way is done; replans queue once. */
  function enqueue(businessId: string, watch: Watch, looking: boolean): void {
    if (!looking && watch.queued) return;
    if (!looking) watch.queued = true;
    watch.chain = watch.chain.then(async () => {
      if (!looking) watch.queued = false;
      if (!live(businessId, watch)) return;
      try {
        if (looking) await look(businessId, watch);
        if (live(businessId, watch)) await plan(businessId, watch);
      } catch (error) {
        options.onError(error);
        // Try again later rather than never.
        if (live(businessId, watch)) {
          clearTimeout(watch.timer);
          watch.timer = setTimeout(() => enqueue(businessId, watch, true), Math.min(maxWaitMs, 5_000));
          watch.timer.unref();
        }
      }
    });
  }

  return {
    watch(businessId) {
      if (closed || watches.has(businessId)) return;
      const watch: Watch = { since: new Date(options.now()), timer: undefined, chain: Promise.resolve(), queued: false };
      watches.set(businessId, watch);
      enqueue(businessId, watch, false);
    },
    unwatch(businessId) {
      const watch = watches.get(businessId);
      if (!watch) return;
      clearTimeout(watch.timer);
      watches.delete(businessId);
    },
    replan(businessId) {
      const watch = watches.get(businessId);
      if (watch && !closed) enqueue(businessId, watch, false);
    },
    close() {
      closed = true;
      for (const watch of watches.values()) clearTimeout(watch.timer);
      watches.clear();
    },
  };
}
