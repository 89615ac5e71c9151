/**
 * A template on the send path: checked against the business's catalog (when it can be read), and
 * the content and REST body stored for it, for a template send or a session send's fallback.
 */
import type { Prisma } from "../persistence/generated/prisma/client.js";
import type { TemplateContentValue } from "../domain/content-types.js";
import type { TemplateInput } from "../domain/templates.js";
import { toTemplateRestBody, type RestSendTemplateBody, type TemplateSendParts } from "../connectly/template-body.js";
import { checkTemplateAgainstCatalog } from "../validation/send-template-message.js";
import type { SendError, SendingDeps } from "./types.js";

/** A session message's fallback as the messages table stores it (the "fallback" column). */
export interface StoredFallback {
  readonly content: TemplateContentValue;
  readonly requestBody: RestSendTemplateBody;
}

export type TemplateCheck = { readonly ok: true; readonly checked: boolean } | { readonly ok: false; readonly error: SendError };

/**
 * Checks a (structurally valid) template against the catalog. When no catalog can be read, the
 * configured policy decides: refuse, or send with checked false (Connectly checks it then).
 */
export async function checkTemplate(deps: SendingDeps, businessId: string, apiKey: string, template: TemplateInput, path: string): Promise<TemplateCheck> {
  const read = await deps.catalog(businessId, apiKey);
  if (!read.ok) {
    if (deps.catalogUnreadable === "send-unchecked") return { ok: true, checked: false };
    return { ok: false, error: { kind: "catalogUnavailable", businessId, failure: read.failure } };
  }
  const issues = checkTemplateAgainstCatalog(template, read.catalog.templates, path);
  return issues.length > 0 ? { ok: false, error: { kind: "invalid", issues } } : { ok: true, checked: true };
}

/** The stored content of a template message. */
export const templateContent = (template: TemplateInput, checked: boolean): TemplateContentValue => ({
  template: {
    name: template.name,
    language: template.language,
    parameters: (template.parameters ?? []).map((p) => ({ name: p.name, value: p.value, filename: p.filename ?? null })),
    checkedAgainstCatalog: checked,
  },
});

/** What the fallback column holds for a session send's fallbackTemplate. */
export const storedFallback = (parts: TemplateSendParts, checked: boolean): StoredFallback => ({
  content: templateContent(parts.template, checked),
  requestBody: toTemplateRestBody(parts),
});

export const asJson = (value: StoredFallback | TemplateContentValue | RestSendTemplateBody): Prisma.InputJsonObject =>
  value as unknown as Prisma.InputJsonObject;
