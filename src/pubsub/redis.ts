/**
 * Cross-process notices through Redis pub/sub (used when REDIS_URL is set). ioredis reconnects and
 * re-subscribes by itself; notices sent while a process is disconnected are lost to it.
 */
import { Redis } from "ioredis";
import type { Transport } from "./pubsub.js";

const REDIS_CHANNEL = "gateway:status-changes";

export function createRedisTransport(url: string, onError: (error: unknown) => void, channel = REDIS_CHANNEL): Transport {
  const publisher = new Redis(url, { maxRetriesPerRequest: 2 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  publisher.on("error", onError);
  subscriber.on("error", onError);
  return {
    name: "redis",
    async send(notice) {
      await publisher.publish(channel, notice);
    },
    async listen(receive) {
      subscriber.on("message", (from: string, notice: string) => {
        if (from === channel) receive(notice);
      });
      await subscriber.subscribe(channel);
    },
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
