/**
 * The JSON body of Connectly's POST /v1/businesses/{businessId}/send/whatsapp_templated_messages:
 * the customer's `number`, `templateName`, `language`, `parameters` as {name, value} pairs, and
 * `sender` as a plain number (an object on the session endpoint). It has no message id.
 */
import type { InputMaybe } from "../domain/message.js";
import type { TemplateInput } from "../domain/templates.js";

export interface RestTemplateParameter {
  name: string;
  value: string;
  filename?: string;
}

export interface RestSendTemplateBody {
  number: string;
  templateName: string;
  language: string;
  parameters?: RestTemplateParameter[];
  sender?: string;
  callbackData?: unknown;
  campaignName?: string;
}

/** What a template body is built from: a template send's input, or a session send with its fallbackTemplate. */
export interface TemplateSendParts {
  readonly recipientId: string;
  readonly senderId?: InputMaybe<string>;
  readonly template: TemplateInput;
  readonly callbackData?: unknown;
  readonly campaignName?: InputMaybe<string>;
}

/** The REST body for a validated template send. */
export function toTemplateRestBody(parts: TemplateSendParts): RestSendTemplateBody {
  const { template } = parts;
  const parameters = (template.parameters ?? []).map((p) => ({ name: p.name, value: p.value, ...(p.filename != null ? { filename: p.filename } : {}) }));
  return {
    number: parts.recipientId,
    templateName: template.name,
    language: template.language,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(parts.senderId != null ? { sender: parts.senderId } : {}),
    ...(parts.callbackData != null ? { callbackData: parts.callbackData } : {}),
    ...(parts.campaignName != null ? { campaignName: parts.campaignName } : {}),
  };
}
