/**
 * The template send: validate (against the business's catalog when it can be read), store PENDING,
 * deliver to Connectly's templated-messages endpoint through the same rate limit and retries, store
 * the outcome. A template message is a Message whose content is the template sent.
 */
import { TEMPLATE_CONTENT } from "../domain/content-types.js";
import type { SendTemplateMessageInput } from "../domain/templates.js";
import { toTemplateRestBody } from "../connectly/template-body.js";
import type { NewMessage } from "../persistence/messages.js";
import { validateSendTemplateMessageInput } from "../validation/send-template-message.js";
import { storeAndDeliver } from "./deliver.js";
import { asJson, checkTemplate, templateContent } from "./templates.js";
import type { SendingDeps, SendOutcome } from "./types.js";

/** Builds the row to store for a validated template send; `checked` says whether the catalog vouched for it. */
function newTemplateMessageRow(input: SendTemplateMessageInput, id: string, checked: boolean): NewMessage {
  return {
    id,
    businessId: input.businessId,
    messageId: input.messageId ?? id,
    clientMessageId: input.messageId != null,
    recipientId: input.recipient.id,
    recipientUserId: null,
    recipientName: input.recipient.name ?? null,
    senderId: input.sender?.id ?? null,
    senderName: null,
    contentType: TEMPLATE_CONTENT.stored,
    content: asJson(templateContent(input.template, checked)),
    requestBody: asJson(
      toTemplateRestBody({
        recipientId: input.recipient.id,
        senderId: input.sender?.id,
        template: input.template,
        callbackData: input.callbackData,
        campaignName: input.campaignName,
      }),
    ),
    callbackData: input.callbackData == null ? null : input.callbackData,
    campaignName: input.campaignName ?? null,
    orderParentId: null,
    orderStrategy: null,
    fallback: null,
    fallbackReason: null,
    fallbackMessage: null,
  };
}

/** Sends one template message; `root` names the input in validation paths ("input", or "inputs[i]"). */
export async function sendTemplateMessage(deps: SendingDeps, input: SendTemplateMessageInput, root = "input"): Promise<SendOutcome> {
  const issues = validateSendTemplateMessageInput(input, root);
  if (issues.length > 0) return { ok: false, error: { kind: "invalid", issues } };

  const apiKey = deps.apiKeyFor(input.businessId);
  if (apiKey == null) return { ok: false, error: { kind: "businessNotConfigured", businessId: input.businessId } };

  const checked = await checkTemplate(deps, input.businessId, apiKey, input.template, `${root}.template`);
  if (!checked.ok) return checked;
  return storeAndDeliver(deps, newTemplateMessageRow(input, deps.newId(), checked.checked), apiKey);
}

/** Sends several template messages through the same path; one outcome per input, in input order. */
export function sendTemplateMessages(deps: SendingDeps, inputs: readonly SendTemplateMessageInput[]): Promise<SendOutcome[]> {
  return Promise.all(inputs.map((input, i) => sendTemplateMessage(deps, input, `inputs[${i}]`)));
}
