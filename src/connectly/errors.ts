/**
 * How Connectly's answers map to the gateway's stable error codes. Pure: status, headers and body
 * text in, a classified failure out, so every mapping is testable without a network.
 */
import type { ErrorCode } from "../domain/errors.js";

/** The codes of Connectly's answers (and of no answer): those of ErrorCode decided by Connectly. */
export type UpstreamErrorCode = Extract<
  ErrorCode,
  | "SESSION_WINDOW_CLOSED"
  | "CUSTOMER_OPTED_OUT"
  | "UPSTREAM_REJECTED"
  | "UPSTREAM_UNAUTHENTICATED"
  | "UPSTREAM_RATE_LIMITED"
  | "UPSTREAM_UNAVAILABLE"
  | "UPSTREAM_INVALID_RESPONSE"
>;

/** Connectly's own description of an error, as far as its body gave one. */
export interface UpstreamErrorDetail {
  readonly status?: number;
  readonly type?: string;
  readonly code?: string;
  readonly message?: string;
}

export interface UpstreamFailure {
  readonly code: UpstreamErrorCode;
  /** A sentence for the client; includes Connectly's own message where it helps. */
  readonly message: string;
  readonly upstream: UpstreamErrorDetail;
  /** Seconds to wait before trying again, from Retry-After, on 429. */
  readonly retryAfterSeconds?: number;
  /** Whether trying again later may succeed (429, 5xx, network failures). */
  readonly retryable: boolean;
  /** True when the request may have reached Connectly (a timeout or reset after sending). */
  readonly ambiguous: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** Reads Connectly's error body leniently: `{error:{type,code,message}}`, `{code,message}` or plain text. */
export function parseErrorBody(status: number, bodyText: string): UpstreamErrorDetail {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    const message = bodyText.trim().slice(0, 500);
    return { status, ...(message ? { message } : {}) };
  }
  const root = parsed != null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  const inner = root.error != null && typeof root.error === "object" ? (root.error as Record<string, unknown>) : root;
  const type = str(inner.type);
  const code = str(inner.code) ?? (typeof inner.code === "number" ? String(inner.code) : undefined);
  const message = str(inner.message) ?? str(inner.userMessage) ?? str(root.message);
  return { status, ...(type ? { type } : {}), ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Retry-After as seconds (RFC 9110): whole delta-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const v = value?.trim();
  if (v == null || v === "") return undefined;
  if (/^\d{1,9}$/.test(v)) return Number(v);
  if (!HTTP_DATE.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}

// Connectly's codes for a closed 24-hour window (or a customer who never wrote), or its wording; not
// any message that mentions hours.
const WINDOW_CLOSED = /OUTSIDE_OF_ELIGIBILITY_WINDOW|NO_CONVERSATION_INITIATION|eligibility window/i;
const OPTED_OUT = /CUSTOMER_OPTED_OUT/;

/** Classifies a non-2xx answer from the send endpoint. */
export function classifyHttpFailure(status: number, retryAfter: string | undefined, bodyText: string): UpstreamFailure {
  const upstream = parseErrorBody(status, bodyText);
  const says = upstream.message ? `: ${upstream.message.replace(/[.\s]+$/, "")}` : "";
  if (status === 400 && (WINDOW_CLOSED.test(upstream.code ?? "") || WINDOW_CLOSED.test(upstream.message ?? ""))) {
    return {
      code: "SESSION_WINDOW_CLOSED",
      message:
        "The customer's 24-hour session window is closed (they have not written to the business in the last 24 hours, or never wrote); send a template message (sendTemplateMessage, or give the send a fallbackTemplate) to re-engage them.",
      upstream,
      retryable: false,
      ambiguous: false,
    };
  }
  if (status >= 400 && status < 500 && OPTED_OUT.test(upstream.code ?? "")) {
    return {
      code: "CUSTOMER_OPTED_OUT",
      message: `The customer opted out of this business's template messages${says}; do not send to them again.`,
      upstream,
      retryable: false,
      ambiguous: false,
    };
  }
  if (status === 401 || status === 403) {
    return {
      code: "UPSTREAM_UNAUTHENTICATED",
      message: `Connectly refused the gateway's API key (HTTP ${status})${says}.`,
      upstream,
      retryable: false,
      ambiguous: false,
    };
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(retryAfter);
    return {
      code: "UPSTREAM_RATE_LIMITED",
      message: `Connectly's rate limit was exceeded${retryAfterSeconds != null ? `; retry after ${retryAfterSeconds} s` : ""}.`,
      upstream,
      ...(retryAfterSeconds != null ? { retryAfterSeconds } : {}),
      retryable: true,
      ambiguous: false,
    };
  }
  if (status >= 500) {
    // 503 says the request was not taken; any other 5xx may have come after Connectly stored it.
    return { code: "UPSTREAM_UNAVAILABLE", message: `Connectly failed with HTTP ${status}${says}.`, upstream, retryable: true, ambiguous: status !== 503 };
  }
  return { code: "UPSTREAM_REJECTED", message: `Connectly rejected the message (HTTP ${status})${says}.`, upstream, retryable: false, ambiguous: false };
}

const NETWORK_CODES: Record<string, { what: string; ambiguous: boolean }> = {
  UND_ERR_CONNECT_TIMEOUT: { what: "connecting timed out", ambiguous: false },
  ECONNREFUSED: { what: "the connection was refused", ambiguous: false },
  ENOTFOUND: { what: "the host name did not resolve", ambiguous: false },
  EAI_AGAIN: { what: "the host name did not resolve", ambiguous: false },
  UND_ERR_HEADERS_TIMEOUT: { what: "no answer came in time", ambiguous: true },
  UND_ERR_BODY_TIMEOUT: { what: "the answer stalled", ambiguous: true },
  UND_ERR_ABORTED: { what: "the request was aborted", ambiguous: true },
  ECONNRESET: { what: "the connection was reset", ambiguous: true },
  UND_ERR_SOCKET: { what: "the connection closed unexpectedly", ambiguous: true },
  EPIPE: { what: "the connection closed unexpectedly", ambiguous: true },
};

/** Classifies an error thrown by the HTTP client (no answer came). */
export function classifyNetworkFailure(error: unknown): UpstreamFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === "string" ? NETWORK_CODES[code] : undefined;
  const what = known?.what ?? "the request failed";
  return {
    code: "UPSTREAM_UNAVAILABLE",
    message: `Connectly could not be reached: ${what}.`,
    upstream: {},
    retryable: true,
    ambiguous: known?.ambiguous ?? true,
  };
}

/** A 2xx answer whose body did not carry a message id. */
export function invalidSuccess(status: number): UpstreamFailure {
  return {
    code: "UPSTREAM_INVALID_RESPONSE",
    message: `Connectly answered HTTP ${status} without a message id; the message may have been accepted.`,
    upstream: { status },
    retryable: false,
    ambiguous: true,
  };
}
