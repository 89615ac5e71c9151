/**
 * Template messages as the core knows them: the send's input and the catalog's entries. The shapes
 * are generated from the SDL (schema/templates.graphql, schema/send-template-message.graphql) and
 * re-exported here, as domain/message.ts does for session messages.
 */
import type { Template } from "../graphql/generated/types.js";

export type {
  SendTemplateMessageInput,
  TemplateButton,
  TemplateButtonType,
  TemplateComponent,
  TemplateFilter,
  TemplateHeaderFormat,
  TemplateInput,
  TemplateParameterInput,
  TemplateParameterKind,
  TemplateParameterSpec,
  TemplateStatus,
} from "../graphql/generated/types.js";

/**
 * One language of a template as the catalog holds it (and the database stores it, as JSON): the
 * GraphQL Template, with updatedAt as its ISO 8601 text.
 */
export type CatalogTemplate = Omit<Template, "__typename" | "updatedAt"> & { readonly updatedAt: string | null };

/** A business's catalog as read: its templates, when it was fetched, and whether it is older than the TTL. */
export interface Catalog {
  readonly businessId: string;
  readonly templates: readonly CatalogTemplate[];
  readonly fetchedAt: Date;
  /** True when the copy is past its TTL because Connectly could not be read just now. */
  readonly stale: boolean;
}

/** Connectly's words about a failed call (the same shape as connectly/errors.ts's UpstreamErrorDetail). */
export interface CatalogFailure {
  readonly message: string;
  readonly upstream: { readonly status?: number; readonly type?: string; readonly code?: string; readonly message?: string };
}

/** What reading a catalog gives: the catalog, or why Connectly could not be read and no copy is held. */
export type CatalogRead = { readonly ok: true; readonly catalog: Catalog } | { readonly ok: false; readonly failure: CatalogFailure };

/** Reads a business's catalog; `refresh` fetches from Connectly whatever the cached copy's age. */
export type ReadCatalog = (businessId: string, apiKey: string, options?: { readonly refresh?: boolean }) => Promise<CatalogRead>;
