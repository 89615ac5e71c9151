/**
 * Errors the HTTP layer answers before GraphQL runs (no token, too many requests, body too large,
 * timeout), in GraphQL's response shape so clients read them like any other error.
 */
import type { RequestErrorCode } from "../domain/errors.js";

export class HttpGraphQLError extends Error {
  override readonly name = "HttpGraphQLError";
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extensions: { readonly code: RequestErrorCode } & Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  get body(): { errors: { message: string; extensions: Record<string, unknown> }[] } {
    return { errors: [{ message: this.message, extensions: this.extensions }] };
  }
}
