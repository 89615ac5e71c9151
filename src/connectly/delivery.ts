/**
 * Delivery of one message to Connectly: every attempt waits for the outbound limiter, then calls the
 * client with the same body (so the same message.id: Connectly deduplicates by it). 429s (after
 * Retry-After), 5xx, resets and timeouts are retried with jittered exponential backoff (p-retry)
 * within one total deadline. The outcome says whether Connectly may have the message after all.
 * The template endpoint takes no message id, so an attempt that may have reached it is never
 * repeated: only answers that prove the request was not taken (429, 503, a refused connection) are.
 */
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pRetry from "p-retry";
import type { Outcome, RateLimiter } from "../ratelimit/limiter.js";
import { RateLimitQueueFullError } from "../ratelimit/limiter.js";
import type { ConnectlyClient, SendResult, UpstreamRequest } from "./client.js";
import type { UpstreamFailure } from "./errors.js";

export interface RetryPolicy {
  /** Calls to Connectly at most, the first included. */
  readonly maxAttempts: number;
  /** Time from the first wait for the limiter to the last attempt's start. */
  readonly deadlineMs: number;
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
}

/** A failure decided by the gateway itself: the limiter's queue could not take the request. */
export interface QueueFullFailure {
  readonly code: RateLimitQueueFullError["code"];
  readonly message: string;
  readonly upstream: Record<string, never>;
  readonly retryable: false;
  readonly ambiguous: false;
}

export type DeliveryFailure = UpstreamFailure | QueueFullFailure;

export type DeliveryOutcome =
  | { readonly ok: true; readonly id: string; readonly status: number; readonly attempts: number }
  | {
      readonly ok: false;
      readonly failure: DeliveryFailure;
      readonly attempts: number;
      /** True when an attempt may have reached Connectly and no later answer settled it. */
      readonly unconfirmed: boolean;
      /** True when any attempt may have reached Connectly, even if a later answer settled it. */
      readonly ambiguous: boolean;
    };

export interface Delivery {
  send(
    businessId: string,
    apiKey: string,
    request: UpstreamRequest,
    onRetry?: (attemptsSoFar: number, failure: UpstreamFailure) => Promise<void>,
    override?: { readonly maxAttempts: number },
  ): Promise<DeliveryOutcome>;
}

class AttemptFailed extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(failure.message);
  }
}

/** The limiter's key for an API key: a digest, so the key itself is never stored anywhere. */
export const limiterKey = (apiKey: string): string => createHash("sha256").update(apiKey).digest("hex").slice(0, 32);

/** Whether template sends share the session endpoint's budget per API key (the default) or have one of their own. */
export type TemplateBudget = "shared" | "separate";

/** The limiter key of a request: one budget per API key, or per key and endpoint when the template budget is separate. */
export const budgetKey = (apiKey: string, endpoint: UpstreamRequest["endpoint"], templates: TemplateBudget): string =>
  endpoint === "template" && templates === "separate" ? `${limiterKey(apiKey)}:template` : limiterKey(apiKey);

/** Whether the attempt got an answer from Connectly (its status), for the limiter to learn the round trip from. */
function answerOf(sent: SendResult): Outcome {
  if (sent.ok) return { answered: true, status: sent.status };
  const status = sent.failure.upstream.status;
  return status != null ? { answered: true, status } : { answered: false };
}

/** Whether a failed attempt may be made again: never one that may have reached an endpoint without deduplication. */
const mayRetry = (failure: UpstreamFailure, endpoint: UpstreamRequest["endpoint"]): boolean =>
  failure.retryable && !(endpoint === "template" && failure.ambiguous);

export function createDelivery(client: ConnectlyClient, limiter: RateLimiter, policy: RetryPolicy, templates: TemplateBudget = "shared"): Delivery {
  return {
    async send(businessId, apiKey, request, onRetry, override) {
      const maxAttempts = override?.maxAttempts ?? policy.maxAttempts;
      const deadline = Date.now() + policy.deadlineMs;
      const key = budgetKey(apiKey, request.endpoint, templates);
      let attempts = 0;
      let ambiguous = false;
      try {
        const result = await pRetry(
          async () => {
            const release = await limiter.acquire(key, deadline);
            attempts++;
            // The attempt holds its place in the limiter's window until Connectly has answered, and says how it ended.
            const sent = await client.sendMessage(businessId, apiKey, request).then(
              (result) => {
                release(answerOf(result));
                return result;
              },
              (error: unknown) => {
                release();
                throw error;
              },
            );
            if (sent.ok) return sent;
            if (sent.failure.ambiguous) ambiguous = true;
            throw new AttemptFailed(sent.failure);
          },
          {
            retries: maxAttempts - 1,
            factor: 2,
            minTimeout: policy.minBackoffMs,
            maxTimeout: policy.maxBackoffMs,
            randomize: true,
            maxRetryTime: policy.deadlineMs,
            shouldRetry: ({ error }) => error instanceof AttemptFailed && mayRetry(error.failure, request.endpoint) && Date.now() < deadline,
            onFailedAttempt: async ({ error, retriesLeft }) => {
              if (!(error instanceof AttemptFailed) || !mayRetry(error.failure, request.endpoint) || retriesLeft === 0) return;
              await onRetry?.(attempts, error.failure);
              // Honour Retry-After on 429 (p-retry's own backoff comes on top of it).
              const after = error.failure.retryAfterSeconds;
              if (after != null) await sleep(Math.max(0, Math.min(after * 1000, deadline - Date.now())));
            },
          },
        );
        return { ok: true, id: result.id, status: result.status, attempts };
      } catch (error) {
        if (error instanceof AttemptFailed) {
          // A definite refusal (a 4xx) settles earlier ambiguous attempts; anything else leaves them open.
          const settled = !error.failure.retryable && !error.failure.ambiguous;
          return { ok: false, failure: error.failure, attempts, unconfirmed: ambiguous && !settled, ambiguous };
        }
        if (error instanceof RateLimitQueueFullError) {
          const failure: QueueFullFailure = { code: "RATE_LIMIT_QUEUE_FULL", message: error.message, upstream: {}, retryable: false, ambiguous: false };
          return { ok: false, failure, attempts, unconfirmed: ambiguous, ambiguous };
        }
        throw error;
      }
    },
  };
}
