/**
 * Abuse limits on operations, the same for GraphQL over HTTP and over WebSocket: token count at
 * parse time (graphql-js's own maxTokens), then depth, cost, aliases and directives as validation
 * rules (graphql-armor's). A rejected operation gets a validation error naming the limit
 * (extensions.limit) with the figure found, so a client knows what to change.
 */
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from "graphql";
import type { GraphQLLimits } from "../config/config.js";
import { requestError } from "./errors.js";

type Limit = "DEPTH" | "COST" | "ALIASES" | "DIRECTIVES";

/** graphql-armor's rules report through a callback; this one reports a plain validation error. */
const reportAs =
  (limit: Limit) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(requestError(error.message.replace(/^Syntax Error: /, ""), "GRAPHQL_VALIDATION_FAILED", { limit }));
  };

const options = (limit: Limit) => ({ exposeLimits: true, propagateOnRejection: false, onReject: [reportAs(limit)] });

export function limitRules(limits: GraphQLLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...options("DEPTH") }),
    // What is fetched does not change with how the selection is split into fragments.
    costLimitRule({ maxCost: limits.maxCost, flattenFragments: true, ...options("COST") }),
    maxAliasesRule({ n: limits.maxAliases, ...options("ALIASES") }),
    maxDirectivesRule({ n: limits.maxDirectives, ...options("DIRECTIVES") }),
  ] as ValidationRule[];
}

export const parseOptions = (limits: GraphQLLimits): ParseOptions => ({ maxTokens: limits.maxTokens });
