/**
 * Cross-process notices through PostgreSQL LISTEN/NOTIFY: every gateway sharing the database
 * hears every notice. The listening connection is a client of its own (LISTEN holds it), reopened
 * with backoff when it drops; notices sent while it is down are lost to this process, which is
 * why subscribers can catch up from the database (see docs/delivery-status.md).
 */
import pg from "pg";
import type { Transport } from "./pubsub.js";

const NOTIFY_CHANNEL = "gateway_status_changes";

export function createPostgresTransport(connectionString: string, pool: pg.Pool, onError: (error: unknown) => void, channel = NOTIFY_CHANNEL): Transport {
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = 100;
  let receive: ((notice: string) => void) | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload != null) receive?.(message.payload);
    });
    next.on("error", (error) => {
      onError(error);
      reconnect(next);
    });
    next.on("end", () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN "${channel}"`);
    client = next;
    retryMs = 100;
  };

  const reconnect = (dead: pg.Client) => {
    if (closed || client !== dead) return;
    client = undefined;
    dead.end().catch(() => {});
    const attempt = () => {
      if (closed) return;
      connect().catch((error: unknown) => {
        onError(error);
        retryMs = Math.min(retryMs * 2, 5_000);
        setTimeout(attempt, retryMs).unref();
      });
    };
    setTimeout(attempt, retryMs).unref();
  };

  return {
    name: "postgres",
    async send(notice) {
      // A NOTIFY's transaction gets an XID, so its commit would wait for a WAL flush; nothing of it
      // outlives a crash anyway (listeners hear it at commit), so that commit need not wait.
      await pool.query({ name: "notify", text: "SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)", values: [channel, notice] });
    },
    async listen(onNotice) {
      receive = onNotice;
      await connect();
    },
    async close() {
      closed = true;
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
