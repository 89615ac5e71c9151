/**
 * The gateway's error vocabulary: the codes of errors returned as data, of GraphQL errors, of
 * refused tokens and of broken input rules. Generated from schema/errors.graphql (the source of
 * truth) and re-exported here, so the core names codes without depending on GraphQL's generated code.
 */
export type { AuthFailureReason, ErrorCode, InputRule, RequestErrorCode } from "../graphql/generated/types.js";
