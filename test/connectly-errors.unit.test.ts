/**
 * The pure mapping of Connectly's answers (status, Retry-After, body text) and of HTTP client
 * errors to the gateway's stable codes, without a network.
 */
import { describe, expect, it } from "vitest";
import { classifyHttpFailure, classifyNetworkFailure, invalidSuccess, parseErrorBody, parseRetryAfter } from "../src/connectly/errors.js";

const body = (type: string, code: string, message: string): string => JSON.stringify({ error: { type, code, message } });

describe("parseErrorBody", () => {
  it("reads Connectly's {error:{type,code,message}} body", () => {
    expect(parseErrorBody(400, body("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_X", "recipient is not on WhatsApp"))).toEqual({
      status: 400,
      type: "ERROR_TYPE_INVALID_REQUEST",
      code: "ERROR_CODE_X",
      message: "recipient is not on WhatsApp",
    });
  });

  it("reads a flat {code,message} body", () => {
    expect(parseErrorBody(422, JSON.stringify({ code: "ERROR_CODE_Y", message: "bad thing" }))).toEqual({
      status: 422,
      code: "ERROR_CODE_Y",
      message: "bad thing",
    });
  });

  it("turns a numeric code into a string and falls back to userMessage", () => {
    expect(parseErrorBody(400, JSON.stringify({ error: { code: 3, userMessage: "try again" } }))).toEqual({ status: 400, code: "3", message: "try again" });
  });

  it("falls back to the top-level message when the error object has none", () => {
    expect(parseErrorBody(400, JSON.stringify({ error: { code: "E" }, message: "outer" }))).toEqual({ status: 400, code: "E", message: "outer" });
  });

  it("keeps non-JSON text, trimmed, as the message", () => {
    expect(parseErrorBody(502, "  <html>Bad Gateway</html>\n")).toEqual({ status: 502, message: "<html>Bad Gateway</html>" });
  });

  it("cuts long non-JSON text to 500 characters", () => {
    const detail = parseErrorBody(500, "x".repeat(2_000));
    expect(detail.message).toHaveLength(500);
  });

  it("gives only the status for an empty body", () => {
    expect(parseErrorBody(503, "")).toEqual({ status: 503 });
    expect(parseErrorBody(503, "   ")).toEqual({ status: 503 });
  });

  it("ignores JSON that is not an object, and empty or non-string fields", () => {
    expect(parseErrorBody(400, "null")).toEqual({ status: 400 });
    expect(parseErrorBody(400, "42")).toEqual({ status: 400 });
    expect(parseErrorBody(400, JSON.stringify({ error: { type: "", code: null, message: 7 } }))).toEqual({ status: 400 });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2026, 10, 24, 12, 0, 0);

  it("reads delta-seconds", () => {
    expect(parseRetryAfter("2", now)).toBe(2);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 120 ", now)).toBe(120);
  });

  it("reads an HTTP date as the seconds until it", () => {
    expect(parseRetryAfter(new Date(now + 5_000).toUTCString(), now)).toBe(5);
    expect(parseRetryAfter("Tue, 24 Nov 2026 12:01:30 GMT", now)).toBe(90);
  });

  it("gives 0 for an HTTP date in the past", () => {
    expect(parseRetryAfter(new Date(now - 60_000).toUTCString(), now)).toBe(0);
  });

  it("gives undefined when missing, blank or garbage", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("   ", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("5 seconds", now)).toBeUndefined();
    expect(parseRetryAfter("Infinity", now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
    expect(parseRetryAfter("retry 5", now)).toBeUndefined();
    expect(parseRetryAfter("0x10", now)).toBeUndefined();
    expect(parseRetryAfter("1e3", now)).toBeUndefined();
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
  });
});

describe("classifyHttpFailure", () => {
  it("maps 400 ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW to SESSION_WINDOW_CLOSED, pointing at template messages", () => {
    const failure = classifyHttpFailure(
      400,
      undefined,
      body("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW", "outside the window"),
    );
    expect(failure.code).toBe("SESSION_WINDOW_CLOSED");
    expect(failure.message).toMatch(/24-hour/);
    expect(failure.message).toMatch(/template message/);
    expect(failure.upstream).toEqual({
      status: 400,
      type: "ERROR_TYPE_INVALID_REQUEST",
      code: "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW",
      message: "outside the window",
    });
    expect(failure.retryable).toBe(false);
    expect(failure.ambiguous).toBe(false);
    expect(failure.retryAfterSeconds).toBeUndefined();
  });

  it("maps ERROR_CODE_MESSAGE_CUSTOMER_NO_CONVERSATION_INITIATION (the customer never wrote) to SESSION_WINDOW_CLOSED too", () => {
    const failure = classifyHttpFailure(
      400,
      undefined,
      body("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_MESSAGE_CUSTOMER_NO_CONVERSATION_INITIATION", "never wrote"),
    );
    expect(failure).toMatchObject({ code: "SESSION_WINDOW_CLOSED", retryable: false, ambiguous: false });
    expect(failure.message).toMatch(/never wrote/);
  });

  it("maps ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT to CUSTOMER_OPTED_OUT, not to be retried", () => {
    const failure = classifyHttpFailure(400, undefined, body("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT", "opted out"));
    expect(failure).toMatchObject({
      code: "CUSTOMER_OPTED_OUT",
      retryable: false,
      ambiguous: false,
      upstream: { code: "ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT" },
    });
    expect(failure.message).toMatch(/opted out/);
  });

  it("keeps a 5xx that names an opt-out a 5xx (retryable), as its status says", () => {
    expect(classifyHttpFailure(500, undefined, body("ERROR_TYPE_UNSPECIFIED", "ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT", "x")).code).toBe("UPSTREAM_UNAVAILABLE");
  });

  it("recognises the closed window from Connectly's wording when the code is another one", () => {
    const failure = classifyHttpFailure(
      400,
      undefined,
      body("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_INVALID_REQUEST", "Message is outside of the eligibility window"),
    );
    expect(failure.code).toBe("SESSION_WINDOW_CLOSED");
  });

  it("does not take any 400 that mentions hours for a closed window", () => {
    const failure = classifyHttpFailure(
      400,
      undefined,
      body("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_X", "Messages must be sent within 24 hours of scheduling."),
    );
    expect(failure.code).toBe("UPSTREAM_REJECTED");
    expect(failure.message).toBe("Connectly rejected the message (HTTP 400): Messages must be sent within 24 hours of scheduling.");
  });

  it("maps another 400 to UPSTREAM_REJECTED with Connectly's message", () => {
    const failure = classifyHttpFailure(400, undefined, body("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_X", "recipient is not on WhatsApp"));
    expect(failure.code).toBe("UPSTREAM_REJECTED");
    expect(failure.message).toContain("recipient is not on WhatsApp");
    expect(failure.message).toContain("HTTP 400");
    expect(failure.upstream).toEqual({ status: 400, type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_X", message: "recipient is not on WhatsApp" });
    expect(failure.retryable).toBe(false);
    expect(failure.ambiguous).toBe(false);
  });

  it.each([404, 409, 413, 422])("maps %i to UPSTREAM_REJECTED", (status) => {
    const failure = classifyHttpFailure(status, undefined, "");
    expect(failure.code).toBe("UPSTREAM_REJECTED");
    expect(failure.upstream).toEqual({ status });
    expect(failure.retryable).toBe(false);
  });

  it("does not call a window-closed code on another status SESSION_WINDOW_CLOSED", () => {
    const failure = classifyHttpFailure(422, undefined, body("T", "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW", "m"));
    expect(failure.code).toBe("UPSTREAM_REJECTED");
  });

  it.each([401, 403])("maps %i to UPSTREAM_UNAUTHENTICATED", (status) => {
    const failure = classifyHttpFailure(status, undefined, body("ERROR_TYPE_UNAUTHENTICATED", "ERROR_CODE_INVALID_API_KEY", "Missing or invalid X-API-Key"));
    expect(failure.code).toBe("UPSTREAM_UNAUTHENTICATED");
    expect(failure.message).toContain(`HTTP ${status}`);
    expect(failure.message).toContain("Missing or invalid X-API-Key");
    expect(failure.upstream.code).toBe("ERROR_CODE_INVALID_API_KEY");
    expect(failure.retryable).toBe(false);
    expect(failure.ambiguous).toBe(false);
  });

  it("maps 429 to UPSTREAM_RATE_LIMITED with Retry-After in seconds", () => {
    const failure = classifyHttpFailure(429, "2", body("ERROR_TYPE_RATE_LIMITED", "ERROR_CODE_RATE_LIMIT_EXCEEDED", "slow down"));
    expect(failure.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(failure.retryAfterSeconds).toBe(2);
    expect(failure.message).toContain("retry after 2 s");
    expect(failure.upstream).toEqual({ status: 429, type: "ERROR_TYPE_RATE_LIMITED", code: "ERROR_CODE_RATE_LIMIT_EXCEEDED", message: "slow down" });
    expect(failure.retryable).toBe(true);
    expect(failure.ambiguous).toBe(false);
  });

  it("maps 429 without Retry-After to UPSTREAM_RATE_LIMITED without retryAfterSeconds", () => {
    const failure = classifyHttpFailure(429, undefined, "");
    expect(failure.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(failure).not.toHaveProperty("retryAfterSeconds");
    expect(failure.message).not.toContain("retry after");
  });

  it.each([500, 502, 503, 504])("maps %i to UPSTREAM_UNAVAILABLE, retryable", (status) => {
    const failure = classifyHttpFailure(status, undefined, "upstream exploded");
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(failure.message).toContain(`HTTP ${status}`);
    expect(failure.message).toContain("upstream exploded");
    expect(failure.upstream).toEqual({ status, message: "upstream exploded" });
    expect(failure.retryable).toBe(true);
    expect(failure.retryAfterSeconds).toBeUndefined();
  });

  it.each([500, 502, 504])("treats %i as ambiguous: Connectly may have stored the message before failing", (status) => {
    expect(classifyHttpFailure(status, undefined, "").ambiguous).toBe(true);
  });
});

describe("classifyNetworkFailure", () => {
  const withCode = (code: string): Error => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });

  it("ECONNREFUSED: unavailable, retryable, not ambiguous (nothing was sent)", () => {
    const failure = classifyNetworkFailure(withCode("ECONNREFUSED"));
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(failure.message).toBe("Connectly could not be reached: the connection was refused.");
    expect(failure.upstream).toEqual({});
    expect(failure.retryable).toBe(true);
    expect(failure.ambiguous).toBe(false);
  });

  it("ECONNRESET: unavailable, retryable, ambiguous (the request may have arrived)", () => {
    const failure = classifyNetworkFailure(withCode("ECONNRESET"));
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(failure.message).toContain("reset");
    expect(failure.retryable).toBe(true);
    expect(failure.ambiguous).toBe(true);
  });

  it("a headers timeout is ambiguous, a connect timeout is not", () => {
    expect(classifyNetworkFailure(withCode("UND_ERR_HEADERS_TIMEOUT"))).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", ambiguous: true });
    expect(classifyNetworkFailure(withCode("UND_ERR_CONNECT_TIMEOUT"))).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", ambiguous: false });
  });

  it("an unknown code, no code or a non-error is unavailable and treated as ambiguous", () => {
    for (const error of [withCode("EWHATEVER"), new Error("boom"), "boom", null, undefined, { code: 42 }]) {
      const failure = classifyNetworkFailure(error);
      expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(failure.message).toBe("Connectly could not be reached: the request failed.");
      expect(failure.upstream).toEqual({});
      expect(failure.retryable).toBe(true);
      expect(failure.ambiguous).toBe(true);
    }
  });

  it("never puts the error's own text (which may name hosts or keys) in the message", () => {
    const failure = classifyNetworkFailure(Object.assign(new Error("secret_key_123 leaked"), { code: "ECONNRESET" }));
    expect(JSON.stringify(failure)).not.toContain("secret_key_123");
  });
});

describe("invalidSuccess", () => {
  it("a 2xx without an id is UPSTREAM_INVALID_RESPONSE, ambiguous and not retryable", () => {
    expect(invalidSuccess(200)).toMatchObject({ code: "UPSTREAM_INVALID_RESPONSE", upstream: { status: 200 }, retryable: false, ambiguous: true });
    expect(invalidSuccess(200).message).toContain("without a message id");
  });
});
