/**
 * Query.templates and Mutation.refreshTemplates: the business's template catalog as the gateway
 * caches it (templates/catalog.ts), narrowed by the filter and sorted by name then language, or
 * why it cannot be read (no API key for the business, Connectly unreadable and no copy held).
 */
import { z } from "zod";
import type { Catalog, CatalogFailure, CatalogTemplate, TemplateFilter } from "../../domain/templates.js";
import { templateInput } from "../../validation/template.js";
import { checkValue, text, VALUES } from "../../validation/values.js";
import type { GraphQLContext } from "../context.js";
import { badUserInput, upstreamDetail } from "../errors.js";
import type { MutationResolvers, QueryResolvers, ResolversParentTypes, Template, TemplatesResultResolvers } from "../generated/types.js";

type Result = ResolversParentTypes["TemplatesResult"];

/** The longest category a filter may name. */
const CATEGORY_MAX = 128;

/** The same businessId, template name and language rules as a template send's. */
const templatesArgs = z.object({
  businessId: VALUES.businessId,
  filter: z
    .object({
      name: templateInput.shape.name.nullish(),
      language: templateInput.shape.language.nullish(),
      category: text(CATEGORY_MAX).nullish(),
    })
    .nullish(),
});

const matches = (t: CatalogTemplate, filter: TemplateFilter | null | undefined): boolean =>
  (filter?.name == null || t.name === filter.name) &&
  (filter?.language == null || t.language === filter.language) &&
  (filter?.status == null || t.status === filter.status) &&
  (filter?.category == null || t.category === filter.category);

// Code-unit order, not the locale's: the same on every machine.
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The catalog's entry as the GraphQL Template: updatedAt, stored as text, as the DateTime scalar's Date. */
const toTemplate = (t: CatalogTemplate): Template => ({ ...t, updatedAt: t.updatedAt == null ? null : new Date(t.updatedAt) });

/** The templates that match the filter, by name then language. */
const selectTemplates = (templates: readonly CatalogTemplate[], filter: TemplateFilter | null | undefined): Template[] =>
  templates
    .filter((t) => matches(t, filter))
    .sort((a, b) => compare(a.name, b.name) || compare(a.language, b.language))
    .map(toTemplate);

const catalogResult = (catalog: Catalog, filter: TemplateFilter | null | undefined): Result => ({
  __typename: "TemplateCatalog",
  businessId: catalog.businessId,
  templates: selectTemplates(catalog.templates, filter),
  fetchedAt: catalog.fetchedAt,
  stale: catalog.stale,
});

const unavailable = (businessId: string, failure: CatalogFailure): Result => ({
  __typename: "TemplateCatalogUnavailableError",
  code: "TEMPLATE_CATALOG_UNAVAILABLE",
  message: `The template catalog of business ${businessId} could not be read from Connectly (${failure.message.replace(/\.$/, "")}) and the gateway holds no copy of it. Try again shortly.`,
  businessId,
  upstream: upstreamDetail(failure.upstream),
});

async function readTemplates(context: GraphQLContext, businessId: string, filter: TemplateFilter | null | undefined, refresh: boolean): Promise<Result> {
  const issues = checkValue(templatesArgs, { businessId, filter }, "");
  if (issues.length > 0) throw badUserInput(issues);
  const apiKey = context.sending.apiKeyFor(businessId);
  if (apiKey == null) {
    context.operation.resultErrors.push("BUSINESS_NOT_CONFIGURED");
    return {
      __typename: "BusinessNotConfiguredError",
      code: "BUSINESS_NOT_CONFIGURED",
      message: `The gateway has no Connectly API key for business ${businessId}.`,
      businessId,
    };
  }
  const read = await context.catalog(businessId, apiKey, { refresh });
  if (read.ok) return catalogResult(read.catalog, filter);
  context.operation.resultErrors.push("TEMPLATE_CATALOG_UNAVAILABLE");
  return unavailable(businessId, read.failure);
}

export const templatesQuery: QueryResolvers["templates"] = (_parent, { businessId, filter }, context) => readTemplates(context, businessId, filter, false);

export const refreshTemplatesMutation: MutationResolvers["refreshTemplates"] = (_parent, { businessId }, context) =>
  readTemplates(context, businessId, null, true);

export const TemplatesResult: TemplatesResultResolvers = {
  __resolveType: (result) => {
    if (result.__typename == null) throw new Error("a templates result without its __typename");
    return result.__typename;
  },
};
