/**
 * Authorization, in one place: every root field (query, mutation, subscription) has a rule here
 * saying which scope it needs and which businesses it touches, and `authorizeSchema` wraps the
 * field with it. A root field without a rule fails the build of the schema (and the type check).
 * Resolvers below the root never check: everything they reach hangs off an authorized root.
 *
 * A message of another business reads as not found (null, or NOT_FOUND for a subscription), the
 * same as a message that does not exist, so ids cannot be probed. Acting for another business or
 * without the scope is FORBIDDEN.
 */
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { hasScope, mayActFor, type Principal, type Scope } from "../auth/principal.js";
import { VALUES } from "../validation/values.js";
import type { RequestErrorCode } from "../domain/errors.js";
import type { GraphQLContext } from "./context.js";
import { requestError } from "./errors.js";
import type {
  MutationResolvers,
  MutationSendSessionMessageArgs,
  MutationSendSessionMessagesArgs,
  MutationSendTemplateMessageArgs,
  MutationSendTemplateMessagesArgs,
  MutationRefreshTemplatesArgs,
  QueryConversationArgs,
  QueryCustomerArgs,
  QueryCustomersArgs,
  QueryMessageByMessageIdArgs,
  QueryMessageCountsArgs,
  QueryMessagesArgs,
  QueryTemplatesArgs,
  QueryResolvers,
  SubscriptionCustomerActivityArgs,
  SubscriptionMessageStatusChangedArgs,
  SubscriptionResolvers,
} from "./generated/types.js";

type Businesses<Args> = (args: Args, context: GraphQLContext) => readonly string[] | Promise<readonly string[]>;

export type Rule<Args> =
  /** Checked before the field runs: the caller must act for every business the arguments name. */
  | { readonly scope: Scope; readonly businesses: Businesses<Args> }
  /** Checked on the field's result: a row of another business is returned as null. */
  | { readonly scope: Scope; readonly ownedResult: true };

type Rules<R> = { readonly [F in keyof Required<R>]: Rule<never> };

class NotFoundError extends GraphQLError {
  constructor(what: string) {
    const code: RequestErrorCode = "NOT_FOUND";
    super(`${what} was not found.`, { extensions: { code } });
  }
}

const forbidden = (message: string, extensions: Record<string, unknown>) => requestError(message, "FORBIDDEN", extensions);

/** The businesses of a messageId subscription: its message's, which must exist and be the caller's. */
async function subscriptionBusinesses(args: SubscriptionMessageStatusChangedArgs, context: GraphQLContext): Promise<readonly string[]> {
  const businesses = args.businessId != null ? [args.businessId] : [];
  // Only a well-formed messageId subscription is looked up (a NUL would fail the query); the resolver refuses the others.
  if (args.messageId != null && args.businessId == null && args.campaignName == null && VALUES.opaqueId.safeParse(args.messageId).success) {
    const message = await context.loaders.messageById.load(args.messageId);
    if (!message || !mayActFor(context.principal, message.businessId)) throw new NotFoundError(`Message ${args.messageId}`);
    businesses.push(message.businessId);
  }
  return businesses;
}

export const RULES: {
  readonly Query: Rules<QueryResolvers>;
  readonly Mutation: Rules<MutationResolvers>;
  readonly Subscription: Rules<SubscriptionResolvers>;
} = {
  Query: {
    message: { scope: "read", ownedResult: true },
    messageByConnectlyId: { scope: "read", ownedResult: true },
    messages: { scope: "read", businesses: (args: QueryMessagesArgs) => [args.filter.businessId] },
    customer: { scope: "read", businesses: (args: QueryCustomerArgs) => [args.businessId] },
    inboundMessage: { scope: "read", ownedResult: true },
    conversation: { scope: "read", businesses: (args: QueryConversationArgs) => [args.businessId] },
    customers: { scope: "read", businesses: (args: QueryCustomersArgs) => [args.businessId] },
    messageByMessageId: { scope: "read", businesses: (args: QueryMessageByMessageIdArgs) => [args.businessId] },
    messageCounts: { scope: "read", businesses: (args: QueryMessageCountsArgs) => [args.businessId] },
    templates: { scope: "read", businesses: (args: QueryTemplatesArgs) => [args.businessId] },
  },
  Mutation: {
    sendSessionMessage: { scope: "send", businesses: (args: MutationSendSessionMessageArgs) => [args.input.businessId] },
    sendSessionMessages: { scope: "send", businesses: (args: MutationSendSessionMessagesArgs) => args.inputs.map((input) => input.businessId) },
    sendTemplateMessage: { scope: "send", businesses: (args: MutationSendTemplateMessageArgs) => [args.input.businessId] },
    sendTemplateMessages: { scope: "send", businesses: (args: MutationSendTemplateMessagesArgs) => args.inputs.map((input) => input.businessId) },
    // A read of Connectly's catalog that changes nothing but the gateway's cache: "read" is enough.
    refreshTemplates: { scope: "read", businesses: (args: MutationRefreshTemplatesArgs) => [args.businessId] },
  },
  Subscription: {
    messageStatusChanged: { scope: "read", businesses: subscriptionBusinesses },
    customerActivity: { scope: "read", businesses: (args: SubscriptionCustomerActivityArgs) => [args.businessId] },
  },
};

/** Throws FORBIDDEN unless the principal has the scope and may act for every business. */
function checkAccess(principal: Principal, scope: Scope, businesses: readonly string[]): void {
  if (!hasScope(principal, scope)) {
    throw forbidden(`This token does not have the "${scope}" scope.`, { requiredScope: scope });
  }
  const foreign = businesses.find((b) => !mayActFor(principal, b));
  if (foreign !== undefined) throw forbidden(`This token may not act for business ${foreign}.`, { businessId: foreign });
}

function ownedBy(principal: Principal, value: unknown): boolean {
  const businessId = (value as { businessId?: unknown } | null)?.businessId;
  return typeof businessId === "string" && mayActFor(principal, businessId);
}

type FieldResolver = GraphQLFieldResolver<unknown, GraphQLContext, Record<string, unknown>>;

function guard(rule: Rule<never>, resolve: FieldResolver): FieldResolver {
  const businessesOf = "businesses" in rule ? (rule.businesses as Businesses<Record<string, unknown>>) : undefined;
  return async (source, args, context, info) => {
    if (businessesOf) {
      const businesses = await businessesOf(args, context);
      for (const b of businesses) context.operation.businesses.add(b);
      checkAccess(context.principal, rule.scope, businesses);
      return resolve(source, args, context, info);
    }
    checkAccess(context.principal, rule.scope, []);
    const value: unknown = await resolve(source, args, context, info);
    if (value == null || !ownedBy(context.principal, value)) return null;
    context.operation.businesses.add((value as { businessId: string }).businessId);
    return value;
  };
}

/** Wraps every root field with its rule; throws when a root field has none. */
export function authorizeSchema(schema: GraphQLSchema, rules: typeof RULES = RULES): GraphQLSchema {
  const roots = new Map<string | undefined, keyof typeof RULES>([
    [schema.getQueryType()?.name, "Query"],
    [schema.getMutationType()?.name, "Mutation"],
    [schema.getSubscriptionType()?.name, "Subscription"],
  ]);
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      const root = roots.get(typeName);
      const rule = root === undefined ? undefined : (rules[root] as Record<string, Rule<never> | undefined>)[fieldName];
      if (!root || !rule) throw new Error(`Root field ${typeName}.${fieldName} has no authorization rule in src/graphql/authorization.ts.`);
      if (root === "Subscription") {
        // The check runs once, when the subscription starts; events then follow what it was allowed to see.
        return { ...field, subscribe: guard(rule, field.subscribe ?? defaultFieldResolver) };
      }
      return { ...field, resolve: guard(rule, field.resolve ?? defaultFieldResolver) };
    },
  });
}
