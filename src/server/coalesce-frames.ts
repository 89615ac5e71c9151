/**
 * Cheaper fan-out over WebSockets: one write per connection per turn of the event loop, and send
 * callbacks that do not hold every subscription's state until the kernel has the bytes.
 *
 * A status change fans out to every subscription in the same turn of the event loop; graphql-ws
 * sends one frame per subscription, and ws writes each frame to the TCP socket at once: twenty
 * subscriptions on one connection meant twenty system calls per event, the largest cost of a
 * fan-out (docs/benchmarks.md). Corking the connection's
 * socket on its first frame of a turn and uncorking it on the next turn (setImmediate) hands the
 * kernel all of that turn's frames in one writev. Nothing waits longer than the turn it was sent in.
 *
 * graphql-ws awaits each send's callback before it takes the subscription's next event. With the
 * socket corked that callback comes a turn later, so a thousand subscriptions' pending state
 * survived into V8's old generation on every event and the heap grew. While
 * the connection has little buffered (under BACKPRESSURE_BYTES) the callback is called as soon as
 * ws has the frame; a client that does not keep up gets the real callback, so its subscriptions
 * wait for its socket as before. A write that fails later closes the socket, which ends them.
 */
import type { Socket } from "node:net";
import type { WebSocket } from "ws";

/** Bytes buffered for a connection above which sends wait for the socket again. */
const BACKPRESSURE_BYTES = 1024 * 1024;

type SendCallback = (error?: Error) => void;

export function coalesceFrames(ws: WebSocket): void {
  // ws keeps its TCP socket in `_socket` (not typed, stable across ws 7 to 8).
  const tcp = (ws as unknown as { _socket?: Socket })._socket;
  if (!tcp || typeof tcp.cork !== "function") return;
  const send = ws.send.bind(ws) as (data: unknown, options?: unknown, callback?: SendCallback) => void;
  let corked = false;
  const uncork = () => {
    corked = false;
    if (!tcp.destroyed) tcp.uncork();
  };
  ws.send = ((data: unknown, optionsOrCallback?: unknown, maybeCallback?: SendCallback) => {
    const callback = typeof optionsOrCallback === "function" ? (optionsOrCallback as SendCallback) : maybeCallback;
    const options = typeof optionsOrCallback === "function" ? undefined : optionsOrCallback;
    if (ws.readyState !== ws.OPEN || tcp.destroyed) return send(data, options, callback);
    if (!corked) {
      corked = true;
      tcp.cork();
      setImmediate(uncork);
    }
    if (callback && ws.bufferedAmount < BACKPRESSURE_BYTES) {
      send(data, options);
      queueMicrotask(() => callback());
      return;
    }
    return send(data, options, callback);
  }) as WebSocket["send"];
}
