/**
 * Limits of WhatsApp session messages as Connectly passes them through (Meta Cloud API), plus the
 * gateway's own bounds for strings the reference leaves open. One place for the validator and the
 * queries; the sandbox keeps its own (src/sandbox/contract.ts), so that it can catch mistakes here.
 */
export const LIMITS = {
  businessIdPattern: /^[A-Za-z0-9_-]{1,128}$/,
  messageIdPattern: /^[A-Za-z0-9_.:-]{1,128}$/,
  e164Pattern: /^\+[1-9][0-9]{6,14}$/,
  bsuidPattern: /^[A-Z]{2}\.[A-Za-z0-9]{1,64}$/,
  displayName: 256,
  campaignName: 128,
  text: 4096,
  caption: 1024,
  filename: 240,
  url: 2048,
  locationName: 1000,
  locationAddress: 1000,
  interactiveBody: 1024,
  headerText: 60,
  footerText: 60,
  listButtonText: 20,
  listSections: 10,
  listRowsTotal: 10,
  listSectionTitle: 24,
  listRowTitle: 24,
  listRowDescription: 72,
  listRowId: 200,
  replyButtonsMin: 1,
  replyButtonsMax: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  catalogId: 128,
  productRetailerId: 100,
  productSections: 10,
  productsTotal: 30,
  productSectionTitle: 24,
  callbackDataBytes: 1024,
  /** Ids the gateway or Connectly gave out, as arguments of message(id), messageByConnectlyId and the subscription. */
  opaqueId: 256,
  /** A customer's id in customer(id:): an E.164 number or a BSUID as webhooks name them. */
  customerId: 256,
  /** The most messages one page of messages(first:) holds. */
  pageSize: 100,
  /** WhatsApp's template rules (the reference and Meta's Cloud API): names, languages and parameter values. */
  templateNamePattern: /^[a-z0-9_]{1,512}$/,
  templateLanguagePattern: /^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$/,
  templateHeaderText: 60,
  templateBodyParameter: 1024,
  /** A button_n_url value, and the button's URL once completed by it. */
  templateButtonUrl: 2000,
  /** The body with its variables filled in. */
  templateBody: 1024,
  /** More spaces in a row than this WhatsApp refuses in a text parameter. */
  templateSpacesInARow: 4,
} as const;
