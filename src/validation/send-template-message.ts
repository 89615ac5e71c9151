/**
 * The rules of a sendTemplateMessage input that need no catalog: the envelope (business, recipient,
 * sender, callbackData, campaignName, messageId) as for a session send, and the template's
 * structure. checkTemplateAgainstCatalog runs after them, once the catalog is read.
 */
import { z } from "zod";
import type { SendTemplateMessageInput } from "../domain/templates.js";
import { LIMITS } from "./limits.js";
import { templateInput } from "./template.js";
import { addRule, callbackData, characters, checked, toIssues, VALUES, type ValidationIssue } from "./values.js";

export { checkTemplateAgainstCatalog } from "./template-catalog.js";
export { validateTemplateInput } from "./template.js";

// Connectly's template page writes a BSUID customer as "bsuid:US.…"; either way it cannot be sent to yet.
const asBsuid = (s: string): string => (s.startsWith("bsuid:") ? s.slice("bsuid:".length) : s);

const recipientId = checked(characters).superRefine((s, ctx) => {
  if (characters(s) != null || LIMITS.e164Pattern.test(s)) return;
  if (LIMITS.bsuidPattern.test(asBsuid(s))) {
    addRule(
      ctx,
      [],
      "BSUID_ONLY_RECIPIENT",
      "is a BSUID: Connectly cannot send to phone-less (BSUID-only) customers yet; put the customer's E.164 number (e.g. +5511988887777) in recipient.id",
    );
    return;
  }
  addRule(ctx, [], "E164", "must be the customer's number in E.164 format, such as +5511988887777");
});

const sendTemplateMessageInput = z.object({
  businessId: VALUES.businessId,
  recipient: z.object({ id: recipientId, name: VALUES.displayName.nullish() }),
  sender: z.object({ id: VALUES.e164 }).nullish(),
  template: templateInput,
  callbackData,
  campaignName: VALUES.campaignName.nullish(),
  messageId: VALUES.messageId.nullish(),
});

// The schema reads exactly the generated input type, field for field (see send-session-message.ts).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameInput: Equal<z.output<typeof sendTemplateMessageInput>, SendTemplateMessageInput> = true;
void sameInput;

/**
 * Checks a sendTemplateMessage input against every rule that needs no catalog. Returns the broken
 * rules, in input order; `root` names the input in field paths ("input", or "inputs[3]" in a batch).
 */
export function validateSendTemplateMessageInput(input: SendTemplateMessageInput, root = "input"): ValidationIssue[] {
  const result = sendTemplateMessageInput.safeParse(input);
  return result.success ? [] : toIssues(result.error.issues, root);
}
