import { z } from "zod";
import { contentKeysSet, type ContentKey, type ContentValue } from "../domain/content-types.js";
import type { HeaderInput, InputMaybe, SendSessionMessageInput } from "../domain/message.js";
import { LIMITS } from "./limits.js";
import { templateInput } from "./template.js";

import { callbackData, characters, checked, text, toIssues, url, VALUES, type ValidationIssue } from "./values.js";

export type { ValidationIssue } from "./values.js";

const recipientId = checked(characters).superRefine((s, ctx) => {
  if (characters(s) != null || LIMITS.e164Pattern.test(s)) return;
  if (LIMITS.bsuidPattern.test(s)) {
    ctx.addIssue({
      code: "custom",
      message:
        "is a BSUID: Connectly cannot send to phone-less (BSUID-only) customers yet; put the customer's E.164 number in recipient.id and the BSUID in recipient.userId",
      params: { rule: "BSUID_ONLY_RECIPIENT" },
    });
    return;
  }
  ctx.addIssue({
    code: "custom",
    message: "must be the customer's number in E.164 format (e.g. +16044441111) or a BSUID (e.g. US.13491208655302741918)",
    params: { rule: "E164_OR_BSUID" },
  });
});

const custom = (ctx: z.RefinementCtx, path: (string | number)[], rule: string, message: string): void => {
  ctx.addIssue({ code: "custom", path, message, params: { rule } });
};

const requireNoFilenameUnlessDocument = (a: { type: string; filename?: string | null }, ctx: z.RefinementCtx): void => {
  if (a.filename != null && a.type !== "DOCUMENT") custom(ctx, ["filename"], "FILENAME_DOCUMENT_ONLY", "is only allowed on DOCUMENT attachments");
};

const attachment = z
  .object({
    type: z.enum(["IMAGE", "VIDEO", "AUDIO", "DOCUMENT"]),
    url,
    caption: text(LIMITS.caption).nullish(),
    filename: text(LIMITS.filename).nullish(),
  })
  .superRefine((a, ctx) => {
    requireNoFilenameUnlessDocument(a, ctx);
    if (a.caption != null && a.type === "AUDIO") custom(ctx, ["caption"], "NO_AUDIO_CAPTION", "is not allowed on AUDIO attachments");
  });

const header = z.object({
  text: text(LIMITS.headerText).nullish(),
  attachment: z
    .object({ type: z.enum(["IMAGE", "VIDEO", "DOCUMENT"]), url, filename: text(LIMITS.filename).nullish() })
    .superRefine(requireNoFilenameUnlessDocument)
    .nullish(),
});

const location = z.object({
  latitude: z.number().refine((n) => n >= -90 && n <= 90, { message: "must be between -90 and 90", params: { rule: "LATITUDE_RANGE" } }),
  longitude: z.number().refine((n) => n >= -180 && n <= 180, { message: "must be between -180 and 180", params: { rule: "LONGITUDE_RANGE" } }),
  name: text(LIMITS.locationName).nullish(),
  address: text(LIMITS.locationAddress).nullish(),
});

const listMessage = z
  .object({
    header: header.nullish(),
    body: text(LIMITS.interactiveBody).nullish(),
    footer: text(LIMITS.footerText).nullish(),
    button: text(LIMITS.listButtonText),
    sections: z.array(
      z.object({
        title: text(LIMITS.listSectionTitle).nullish(),
        rows: z.array(
          z.object({
            id: text(LIMITS.listRowId),
            text: text(LIMITS.listRowTitle),
            description: text(LIMITS.listRowDescription).nullish(),
          }),
        ),
      }),
    ),
  })
  .superRefine((m, ctx) => {
    const { sections } = m;
    if (sections.length < 1 || sections.length > LIMITS.listSections)
      custom(ctx, ["sections"], "LIST_SECTION_COUNT", `must hold 1 to ${LIMITS.listSections} sections (got ${sections.length})`);
    const total = sections.reduce((n, s) => n + s.rows.length, 0);
    if (total > LIMITS.listRowsTotal) custom(ctx, ["sections"], "LIST_ROW_TOTAL", `must hold at most ${LIMITS.listRowsTotal} rows in all (got ${total})`);
    const seen = new Set<string>();
    sections.forEach((s, i) => {
      if (s.rows.length === 0) custom(ctx, ["sections", i, "rows"], "LIST_SECTION_EMPTY", "must hold at least one row");
      if (sections.length > 1 && s.title == null)
        custom(ctx, ["sections", i, "title"], "LIST_SECTION_TITLE_REQUIRED", "is required when the list has more than one section");
      s.rows.forEach((r, j) => {
        if (seen.has(r.id)) custom(ctx, ["sections", i, "rows", j, "id"], "UNIQUE_ROW_IDS", `repeats the row id "${r.id}": row ids must be unique`);
        seen.add(r.id);
      });
    });
  });

const replyButtonMessage = z
  .object({
    header: header.nullish(),
    body: text(LIMITS.interactiveBody),
    footer: text(LIMITS.footerText).nullish(),
    buttons: z.array(z.object({ id: text(LIMITS.replyButtonId), text: text(LIMITS.replyButtonTitle) })),
  })
  .superRefine((m, ctx) => {
    const n = m.buttons.length;
    if (n < LIMITS.replyButtonsMin || n > LIMITS.replyButtonsMax)
      custom(ctx, ["buttons"], "REPLY_BUTTON_COUNT", `must hold ${LIMITS.replyButtonsMin} to ${LIMITS.replyButtonsMax} buttons (got ${n})`);
    const seen = new Set<string>();
    m.buttons.forEach((b, i) => {
      if (seen.has(b.id)) custom(ctx, ["buttons", i, "id"], "UNIQUE_BUTTON_IDS", `repeats the button id "${b.id}": button ids must be unique`);
      seen.add(b.id);
    });
  });

const singleProductMessage = z.object({
  body: text(LIMITS.interactiveBody).nullish(),
  footer: text(LIMITS.footerText).nullish(),
  catalogId: text(LIMITS.catalogId),
  productRetailerId: text(LIMITS.productRetailerId),
});

const multiProductMessage = z
  .object({
    header: text(LIMITS.headerText),
    // Connectly requires message.text with a multi-product message.
    body: text(LIMITS.interactiveBody),
    footer: text(LIMITS.footerText).nullish(),
    catalogId: text(LIMITS.catalogId),
    sections: z.array(
      z.object({
        title: text(LIMITS.productSectionTitle),
        productItems: z.array(z.object({ productRetailerId: text(LIMITS.productRetailerId) })),
      }),
    ),
  })
  .superRefine((m, ctx) => {
    const { sections } = m;
    if (sections.length < 1 || sections.length > LIMITS.productSections)
      custom(ctx, ["sections"], "PRODUCT_SECTION_COUNT", `must hold 1 to ${LIMITS.productSections} sections (got ${sections.length})`);
    const total = sections.reduce((n, s) => n + s.productItems.length, 0);
    if (total > LIMITS.productsTotal) custom(ctx, ["sections"], "PRODUCT_TOTAL", `must hold at most ${LIMITS.productsTotal} products in all (got ${total})`);
    sections.forEach((s, i) => {
      if (s.productItems.length === 0) custom(ctx, ["sections", i, "productItems"], "PRODUCT_SECTION_EMPTY", "must hold at least one product");
    });
  });

const contentFields = {
  text: text(LIMITS.text).nullish(),
  attachment: attachment.nullish(),
  location: location.nullish(),
  listMessage: listMessage.nullish(),
  replyButtonMessage: replyButtonMessage.nullish(),
  singleProductMessage: singleProductMessage.nullish(),
  multiProductMessage: multiProductMessage.nullish(),
};

const content = z.object(contentFields).superRefine((c, ctx) => {
  // GraphQL's @oneOf already guarantees this for requests; the check stays for callers that are not GraphQL.
  const set = contentKeysSet(c).length;
  if (set !== 1) custom(ctx, [], "EXACTLY_ONE_CONTENT", `must set exactly one content type (got ${set})`);
});

const sendSessionMessageInput = z.object({
  businessId: VALUES.businessId,
  recipient: z.object({
    id: recipientId,
    userId: VALUES.bsuid.nullish(),
    name: VALUES.displayName.nullish(),
  }),
  sender: z
    .object({ id: VALUES.e164.nullish(), name: VALUES.displayName.nullish() })
    .refine((s) => s.id != null || s.name != null, { message: "must set id or name", params: { rule: "SENDER_NOT_EMPTY" } })
    .nullish(),
  content,
  callbackData,
  campaignName: VALUES.campaignName.nullish(),
  order: z
    .object({
      parentId: VALUES.messageId.nullish(),
      strategy: z.enum(["INDEPENDENT", "SHORT_CIRCUIT"]).nullish(),
    })
    .refine((o) => o.parentId != null || o.strategy != null, { message: "must set parentId or strategy", params: { rule: "ORDER_NOT_EMPTY" } })
    .nullish(),
  messageId: VALUES.messageId.nullish(),
  // Structural rules only: the send path checks the fallback against the catalog (checkTemplateAgainstCatalog).
  fallbackTemplate: templateInput.nullish(),
});

// The schema reads exactly the generated input type, field for field: a field added to or changed
// in the SDL and not here (or the reverse) fails type checking. @oneOf inputs (content, header) are
// generated as unions of one-key objects; the schema reads each as one object with every field
// optional and checks "exactly one" itself, so they are compared in that form.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type OneOfFields<U> = { [K in Extract<keyof U, string>]?: InputMaybe<NonNullable<U[K]>> };
type Flat<T> = { [K in keyof T]: T[K] };
type HeaderRead<T> = Flat<Omit<T, "header"> & { header?: InputMaybe<OneOfFields<HeaderInput>> }>;
type ContentRead = {
  [K in ContentKey]?: InputMaybe<K extends "listMessage" | "replyButtonMessage" ? HeaderRead<ContentValue<K>> : ContentValue<K>>;
};
const sameContent: Equal<z.output<typeof content>, ContentRead> = true;
const sameEnvelope: Equal<Omit<z.output<typeof sendSessionMessageInput>, "content">, Omit<SendSessionMessageInput, "content">> = true;
void [sameContent, sameEnvelope];

/**
 * Checks a sendSessionMessage input against every rule of Connectly's endpoint and WhatsApp's limits.
 * Returns the broken rules, in input order; an empty list means the input may be stored and sent.
 * `root` names the input in field paths ("input", or "inputs[3]" in a batch).
 */
export function validateSendSessionMessageInput(input: SendSessionMessageInput, root = "input"): ValidationIssue[] {
  const result = sendSessionMessageInput.safeParse(input);
  return result.success ? [] : toIssues(result.error.issues, root);
}
