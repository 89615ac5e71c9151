/** The sandbox's error answers, in the shape Connectly's error bodies have: `{ error: { type, code, message } }`. */

export interface ErrorBody {
  readonly error: { readonly type: string; readonly code: string; readonly message: string };
}

export const errorBody = (type: string, code: string, message: string): ErrorBody => ({ error: { type, code, message } });

export const invalidRequest = (message: string): ErrorBody => errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_INVALID_REQUEST", message);

export const UNAUTHENTICATED = errorBody("ERROR_TYPE_UNAUTHENTICATED", "ERROR_CODE_INVALID_API_KEY", "Missing or invalid X-API-Key.");

export const WINDOW_CLOSED = errorBody(
  "ERROR_TYPE_INVALID_REQUEST",
  "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW",
  "The recipient has not messaged the business in the last 24 hours; send a template message instead.",
);

export const NO_CONVERSATION = errorBody(
  "ERROR_TYPE_INVALID_REQUEST",
  "ERROR_CODE_MESSAGE_CUSTOMER_NO_CONVERSATION_INITIATION",
  "The recipient has never messaged the business, so no session message can be sent; send a template message instead.",
);

/** The send endpoint's documented refusals a person can force (POST /sandbox/faults), by code. */
export const FORCEABLE_REFUSALS = {
  ERROR_CODE_INTERNAL: { status: 500, body: errorBody("ERROR_TYPE_INTERNAL", "ERROR_CODE_INTERNAL", "Sandbox: a forced internal error.") },
  ERROR_CODE_RATE_LIMIT_EXCEEDED: {
    status: 429,
    body: errorBody("ERROR_TYPE_RATE_LIMITED", "ERROR_CODE_RATE_LIMIT_EXCEEDED", "Sandbox: a forced rate-limit refusal."),
  },
  ERROR_CODE_INVALID_API_KEY: { status: 401, body: UNAUTHENTICATED },
  ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW: { status: 400, body: WINDOW_CLOSED },
  ERROR_CODE_MESSAGE_CUSTOMER_NO_CONVERSATION_INITIATION: { status: 400, body: NO_CONVERSATION },
  ERROR_CODE_INVALID_REQUEST: { status: 400, body: invalidRequest("Sandbox: a forced malformed-request refusal.") },
  ERROR_CODE_CALLBACK_DATA_TOO_LARGE: {
    status: 400,
    body: errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_CALLBACK_DATA_TOO_LARGE", "Sandbox: a forced callbackData-too-large refusal."),
  },
} as const satisfies Record<string, { status: number; body: ErrorBody }>;

export type ForceableRefusal = keyof typeof FORCEABLE_REFUSALS;
