/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A media attachment. */
export type AttachmentInput = {
  /** A caption shown with the media (1 to 1024 characters). Audio takes no caption. */
  caption?: string | null | undefined;
  /** The file name shown for a document (1 to 240 characters). Only documents take a file name. */
  filename?: string | null | undefined;
  /** The kind of media. */
  type: AttachmentType;
  /**
   * Public http(s) URL of the media (at most 2048 characters): absolute and written as
   * scheme://host (rule HTTP_URL); no credentials (user:password@) and a public host: no loopback,
   * private, link-local, CGNAT, multicast, reserved or other special-purpose IPv4/IPv6 address in any
   * spelling (127.1, 2130706433, [::1], [::ffff:10.0.0.1], fc00::/7 …), no localhost, *.localhost,
   * *.local, *.internal, *.home.arpa, *.localdomain or single-label name (rule PUBLIC_HTTP_URL).
   */
  url: string;
};

/** Kind of a media attachment (sent to Connectly in lower case). */
export type AttachmentType =
  | 'AUDIO'
  | 'DOCUMENT'
  | 'IMAGE'
  | 'VIDEO';

/** What a customer's activity was. */
export type CustomerActivityKind =
  /** The customer sent a message (which opened or renewed their window). */
  | 'INBOUND_MESSAGE'
  /** 24 hours passed since the customer's last message: session messages are refused until they write again. */
  | 'WINDOW_CLOSED';

/** Which customers to list. Every field given narrows the list. */
export type CustomerFilter = {
  /** Only customers who last wrote at or after this time. */
  lastInboundAfter?: string | null | undefined;
  /** Only customers who last wrote before this time. */
  lastInboundBefore?: string | null | undefined;
  /** Only customers whose window is open now and closes before this time (closing soon). */
  windowClosesBefore?: string | null | undefined;
  /** Only customers whose window is open now (true) or closed now (false). */
  windowOpen?: boolean | null | undefined;
};

/** What Connectly reports about a message it accepted. */
export type DeliveryStatus =
  /** It reached the customer's phone. */
  | 'DELIVERED'
  /** It could not be delivered; deliveryError says why. */
  | 'FAILED'
  /** The customer read it. */
  | 'READ'
  /** WhatsApp took the message. */
  | 'SENT';

/** Dispatch ordering relative to a parent message. At least one field must be set. */
export type DispatchOrderInput = {
  /** The id of the parent message this message depends on (1 to 128 characters). */
  parentId?: string | number | null | undefined;
  /** How this message is dispatched relative to its parent. */
  strategy?: DispatchStrategy | null | undefined;
};

/** Dispatch strategy of a message relative to its parent (Connectly's order.strategy). */
export type DispatchStrategy =
  /** Dispatch regardless of the parent's outcome (Connectly: independent). */
  | 'INDEPENDENT'
  /** Do not dispatch when the parent failed (Connectly: short_circuit). */
  | 'SHORT_CIRCUIT';

/**
 * Why a send failed, as data: the code of every ErrorResult and of a stored message's failure
 * (Message.error).
 */
export type ErrorCode =
  /** The input breaks a rule (nothing was stored or sent): InvalidInputError names the field and the rule. */
  | 'BAD_USER_INPUT'
  /** The gateway has no Connectly API key for this business (CONNECTLY_BUSINESS_API_KEYS, CONNECTLY_API_KEY); nothing was stored. */
  | 'BUSINESS_NOT_CONFIGURED'
  /** Connectly says the customer opted out of template messages from this business: do not send again. */
  | 'CUSTOMER_OPTED_OUT'
  /**
   * Only on a stored message (Message.error): the gateway stopped while sending it, and the one
   * attempt after restart failed (or the gateway had no API key for the business any more).
   */
  | 'INTERRUPTED'
  /** messageId was already used for a different message of this business; nothing was sent. Choose a new messageId. */
  | 'MESSAGE_ID_CONFLICT'
  /**
   * The gateway's queue for Connectly's rate limit is full, or the wait would pass the send's deadline
   * (CONNECTLY_QUEUE_MAX, CONNECTLY_DEADLINE_MS): try again shortly.
   */
  | 'RATE_LIMIT_QUEUE_FULL'
  /** The customer has not written to the business in the last 24 hours: send a template message instead. */
  | 'SESSION_WINDOW_CLOSED'
  /**
   * The business's template catalog could not be read from Connectly and the gateway holds no copy,
   * so the template could not be checked (TEMPLATE_CATALOG_UNREADABLE=refuse); nothing was stored or sent.
   */
  | 'TEMPLATE_CATALOG_UNAVAILABLE'
  /** Connectly answered 2xx without a message id: the message may have been accepted. */
  | 'UPSTREAM_INVALID_RESPONSE'
  /** Connectly answered 429 until the retries ran out; retryAfterSeconds says when to try again. */
  | 'UPSTREAM_RATE_LIMITED'
  /** Connectly refused the message (HTTP 400 or another 4xx); upstream says why. */
  | 'UPSTREAM_REJECTED'
  /** Connectly refused the gateway's API key (HTTP 401 or 403). */
  | 'UPSTREAM_UNAUTHENTICATED'
  /** Connectly answered 5xx, timed out, reset or refused the connection, and the retries ran out. */
  | 'UPSTREAM_UNAVAILABLE';

/** How the gateway knew a customer's 24-hour window was closed. */
export type FallbackReason =
  /**
   * Connectly refused the session content as outside the 24-hour window, or because the customer
   * never wrote (a definite refusal: the session message was not sent), and the template was sent.
   */
  | 'CONNECTLY_REFUSED_SESSION'
  /**
   * The gateway's own record of the customer's messages (inbound webhooks) shows the window closed:
   * the session content was never sent to Connectly.
   */
  | 'SESSION_WINDOW_CLOSED';

/** A media header of an interactive message. */
export type HeaderAttachmentInput = {
  /** The file name shown for a document (1 to 240 characters). Only documents take a file name. */
  filename?: string | null | undefined;
  /** The kind of media. */
  type: HeaderAttachmentType;
  /**
   * Public http(s) URL of the media (at most 2048 characters): absolute and written as
   * scheme://host (rule HTTP_URL); no credentials (user:password@) and a public host: no loopback,
   * private, link-local, CGNAT, multicast, reserved or other special-purpose IPv4/IPv6 address in any
   * spelling (127.1, 2130706433, [::1], [::ffff:10.0.0.1], fc00::/7 …), no localhost, *.localhost,
   * *.local, *.internal, *.home.arpa, *.localdomain or single-label name (rule PUBLIC_HTTP_URL).
   */
  url: string;
};

/** Kind of a media header. */
export type HeaderAttachmentType =
  | 'DOCUMENT'
  | 'IMAGE'
  | 'VIDEO';

/** The header of a list or reply-button message: text or one media attachment. Exactly one field must be set. */
export type HeaderInput =
  {   /** A media header. */
  attachment: HeaderAttachmentInput; text?: never; }
  |  { attachment?: never;   /** Header text (1 to 60 characters). */
  text: string; };

/** The rule an input broke: InvalidInputError.rule, InputIssue.rule, and extensions.rule of a BAD_USER_INPUT error. */
export type InputRule =
  /** More than 1000 inputs in one sendSessionMessages or sendTemplateMessages call. */
  | 'BATCH_SIZE'
  /** Not a BSUID (such as US.13491208655302741918). */
  | 'BSUID'
  /** recipient.id is a BSUID: Connectly cannot send to phone-less customers yet (put the BSUID in recipient.userId). */
  | 'BSUID_ONLY_RECIPIENT'
  /** businessId is not 1 to 128 letters, digits, '-' or '_'. */
  | 'BUSINESS_ID_FORMAT'
  /** callbackData holds a number JSON cannot echo exactly. */
  | 'CALLBACK_DATA_NUMBER'
  /** callbackData is larger than 1024 bytes once serialized as JSON. */
  | 'CALLBACK_DATA_SIZE'
  /** A connection's after or before is not a cursor the gateway gave out for that connection. */
  | 'CURSOR'
  /** Not a phone number in E.164 format (such as +16044441111). */
  | 'E164'
  /** recipient.id is neither an E.164 number nor a BSUID. */
  | 'E164_OR_BSUID'
  /** A value that is not one of its enum's (for callers other than GraphQL). */
  | 'ENUM'
  /** A value that is not one of its enum's values (independent for INDEPENDENT). */
  | 'ENUM_VALUE'
  /** content sets no content type, or more than one (for callers other than GraphQL, which checks @oneOf itself). */
  | 'EXACTLY_ONE_CONTENT'
  /** A file name on an attachment that is not a DOCUMENT. */
  | 'FILENAME_DOCUMENT_ONLY'
  /** A value GraphQL cannot coerce to the field's type (a string for a Float, say). */
  | 'GRAPHQL_COERCION'
  /** Not an absolute http(s) URL written as scheme://host. */
  | 'HTTP_URL'
  /** latitude is outside -90 to 90. */
  | 'LATITUDE_RANGE'
  /** A list message with more than 10 rows in all. */
  | 'LIST_ROW_TOTAL'
  /** A list message without 1 to 10 sections. */
  | 'LIST_SECTION_COUNT'
  /** A list section without rows. */
  | 'LIST_SECTION_EMPTY'
  /** A list section without a title in a list of several sections. */
  | 'LIST_SECTION_TITLE_REQUIRED'
  /** longitude is outside -180 to 180. */
  | 'LONGITUDE_RANGE'
  /** The value has more characters (Unicode code points) than its limit. */
  | 'MAX_LENGTH'
  /** messageId (or order.parentId) is not 1 to 128 letters, digits, '_', '-', '.' or ':'. */
  | 'MESSAGE_ID_FORMAT'
  /** The value is empty or only whitespace. */
  | 'NOT_BLANK'
  /** A caption on an AUDIO attachment. */
  | 'NO_AUDIO_CAPTION'
  /** The value contains NUL (U+0000). */
  | 'NO_NUL'
  /** Two fields of a @oneOf input (or none), or both or neither of messageStatusChanged's messageId and businessId. */
  | 'ONE_OF'
  /** order sets neither parentId nor strategy. */
  | 'ORDER_NOT_EMPTY'
  /** A connection was given both first and last, after with last, or before with first. */
  | 'PAGE_DIRECTION'
  /** A connection's first or last is not 1 to 100. */
  | 'PAGE_SIZE'
  /** A multi-product message without 1 to 10 sections. */
  | 'PRODUCT_SECTION_COUNT'
  /** A product section without products. */
  | 'PRODUCT_SECTION_EMPTY'
  /** A multi-product message with more than 30 products in all. */
  | 'PRODUCT_TOTAL'
  /** The URL carries credentials or does not name a public host. */
  | 'PUBLIC_HTTP_URL'
  /** A reply-button message without 1 to 3 buttons. */
  | 'REPLY_BUTTON_COUNT'
  /** A required field or variable is missing or null. */
  | 'REQUIRED'
  /** sender sets neither id nor name. */
  | 'SENDER_NOT_EMPTY'
  /** The template's body, with the values filled in, is longer than WhatsApp's 1024 characters. */
  | 'TEMPLATE_BODY_LENGTH'
  /** A button_n_url value that does not complete the button's URL into a valid http(s) URL of at most 2000 characters. */
  | 'TEMPLATE_BUTTON_URL'
  /** filename on a parameter other than header_document. */
  | 'TEMPLATE_FILENAME_DOCUMENT_ONLY'
  /** A language code that is not 2 to 15 letters, '_' or '-' (such as en_US). */
  | 'TEMPLATE_LANGUAGE'
  /** The catalog has the template, but not in that language. */
  | 'TEMPLATE_LANGUAGE_UNKNOWN'
  /** A template name that is not 1 to 512 lower-case letters, digits or '_'. */
  | 'TEMPLATE_NAME'
  /** The template (in that language) is PENDING, REJECTED or otherwise not APPROVED. */
  | 'TEMPLATE_NOT_APPROVED'
  /** The same parameter name twice. */
  | 'TEMPLATE_PARAMETER_DUPLICATE'
  /** A parameter the template expects is missing. */
  | 'TEMPLATE_PARAMETER_MISSING'
  /** A parameter name that is none of header_text, header_image, header_video, header_document, body_n or button_n_url. */
  | 'TEMPLATE_PARAMETER_NAME'
  /** A text parameter with a tab or new line, or more than four spaces in a row (WhatsApp refuses them), or a header text of more than one line. */
  | 'TEMPLATE_PARAMETER_TEXT'
  /** A parameter the template does not expect (its header is of another kind, it has fewer variables or no such URL button). */
  | 'TEMPLATE_PARAMETER_UNEXPECTED'
  /** The catalog has no template of that name. */
  | 'TEMPLATE_UNKNOWN'
  /** A time range whose start is not before its end. */
  | 'TIME_RANGE'
  /** A value of the wrong type (for callers other than GraphQL, whose coercion checks types itself). */
  | 'TYPE'
  /** Two buttons of a reply-button message with the same id. */
  | 'UNIQUE_BUTTON_IDS'
  /** Two rows of a list message with the same id. */
  | 'UNIQUE_ROW_IDS'
  /** A field the input type does not define. */
  | 'UNKNOWN_FIELD'
  /** The value contains an unpaired UTF-16 surrogate. */
  | 'UNPAIRED_SURROGATE';

/** An interactive list menu: a button opens 1 to 10 sections holding at most 10 rows in all. */
export type ListMessageInput = {
  /** Body text (1 to 1024 characters), sent as Connectly's message.text. */
  body?: string | null | undefined;
  /** Text of the button that opens the list (1 to 20 characters). */
  button: string;
  /** Footer text (1 to 60 characters). */
  footer?: string | null | undefined;
  /** Optional header, text or media. */
  header?: HeaderInput | null | undefined;
  /** 1 to 10 sections with at most 10 rows in all. */
  sections: Array<ListSectionInput>;
};

/** A selectable row of a list message. */
export type ListRowInput = {
  /** Row description (1 to 72 characters). */
  description?: string | null | undefined;
  /** Row id, unique within the message (1 to 200 characters); returned when the customer picks the row. */
  id: string;
  /** Row title (1 to 24 characters). */
  text: string;
};

/** A section of a list message. */
export type ListSectionInput = {
  /** The section's rows: at least one; at most 10 across all sections. */
  rows: Array<ListRowInput>;
  /** Section title (1 to 24 characters); required when the list has more than one section. */
  title?: string | null | undefined;
};

/** A location pin. */
export type LocationInput = {
  /** Address of the place (1 to 1000 characters). */
  address?: string | null | undefined;
  /** Latitude in degrees, from -90 to 90. */
  latitude: number;
  /** Longitude in degrees, from -180 to 180. */
  longitude: number;
  /** Name of the place (1 to 1000 characters). */
  name?: string | null | undefined;
};

/** The content of a session message. Exactly one field must be set. */
export type MessageContentInput =
  {   /** One media attachment: image, video, audio or document. */
  attachment: AttachmentInput; listMessage?: never; location?: never; multiProductMessage?: never; replyButtonMessage?: never; singleProductMessage?: never; text?: never; }
  |  { attachment?: never;   /** An interactive list menu with sections of selectable rows. */
  listMessage: ListMessageInput; location?: never; multiProductMessage?: never; replyButtonMessage?: never; singleProductMessage?: never; text?: never; }
  |  { attachment?: never; listMessage?: never;   /** A location pin. */
  location: LocationInput; multiProductMessage?: never; replyButtonMessage?: never; singleProductMessage?: never; text?: never; }
  |  { attachment?: never; listMessage?: never; location?: never;   /** Several catalog products grouped in sections. */
  multiProductMessage: MultiProductMessageInput; replyButtonMessage?: never; singleProductMessage?: never; text?: never; }
  |  { attachment?: never; listMessage?: never; location?: never; multiProductMessage?: never;   /** An interactive message with 1 to 3 quick-reply buttons. */
  replyButtonMessage: ReplyButtonMessageInput; singleProductMessage?: never; text?: never; }
  |  { attachment?: never; listMessage?: never; location?: never; multiProductMessage?: never; replyButtonMessage?: never;   /** One product from the business's Meta catalog. */
  singleProductMessage: SingleProductMessageInput; text?: never; }
  |  { attachment?: never; listMessage?: never; location?: never; multiProductMessage?: never; replyButtonMessage?: never; singleProductMessage?: never;   /** A plain text message (1 to 4096 characters, not blank). */
  text: string; };

/** Which way a conversation entry went. */
export type MessageDirection =
  /** The customer sent it (an InboundMessage). */
  | 'INBOUND'
  /** The business sent it (a Message). */
  | 'OUTBOUND';

/** Which messages to list. Every field narrows the list. */
export type MessageFilter = {
  /** The business whose messages to list (1 to 128 letters, digits, '-' or '_'). */
  businessId: string | number;
  /** Only messages of this campaign (1 to 128 characters, as at send). */
  campaignName?: string | null | undefined;
  /** Only messages stored at or after this time. */
  createdAfter?: string | null | undefined;
  /** Only messages stored before this time. */
  createdBefore?: string | null | undefined;
  /** Only messages with this delivery status. */
  deliveryStatus?: DeliveryStatus | null | undefined;
  /** Only messages to this customer (E.164 number, e.g. +16044441111). */
  recipient?: string | null | undefined;
  /** Only messages with this send status. */
  status?: MessageStatus | null | undefined;
  /** Only messages whose row changed at or after this time (their status, say): for catching up. */
  updatedAfter?: string | null | undefined;
};

/** Where a message stands. */
export type MessageStatus =
  /** Connectly accepted the message (connectlyId is set). */
  | 'ACCEPTED'
  /** The message was refused; error says why. */
  | 'FAILED'
  /** Stored; the call to Connectly has not finished. A message left PENDING means the gateway stopped mid-send. */
  | 'PENDING'
  /**
   * An attempt may have reached Connectly but no answer confirmed it (a timeout or reset, then the
   * retries ran out). Sending again with the same messageId is safe: Connectly deduplicates by id.
   */
  | 'UNCONFIRMED';

/** Several catalog products grouped into 1 to 10 sections, at most 30 products in all. */
export type MultiProductMessageInput = {
  /** Body text (1 to 1024 characters), sent as Connectly's message.text, which Connectly requires here. */
  body: string;
  /** The Meta catalog id (1 to 128 characters). */
  catalogId: string;
  /** Footer text (1 to 60 characters). */
  footer?: string | null | undefined;
  /** Header text (1 to 60 characters). */
  header: string;
  /** 1 to 10 sections with at most 30 products in all. */
  sections: Array<ProductSectionInput>;
};

/** A product of a multi-product message section. */
export type ProductItemInput = {
  /** The product's retailer id in the catalog (1 to 100 characters). */
  productRetailerId: string;
};

/** A section of a multi-product message. */
export type ProductSectionInput = {
  /** The section's products: at least one; at most 30 across all sections. */
  productItems: Array<ProductItemInput>;
  /** Section title (1 to 24 characters). */
  title: string;
};

/** The customer who receives the message. */
export type RecipientInput = {
  /**
   * The customer's WhatsApp number in E.164 format (e.g. +16044441111). A bare BSUID
   * (e.g. US.13491208655302741918) is recognised but refused: Connectly cannot send to phone-less
   * customers yet.
   */
  id: string;
  /** The customer's display name (1 to 256 characters). */
  name?: string | null | undefined;
  /**
   * The customer's Business-Scoped User ID (BSUID, e.g. US.13491208655302741918), to target the
   * customer by BSUID alongside their number.
   */
  userId?: string | null | undefined;
};

/** A quick-reply button. */
export type ReplyButtonInput = {
  /** Button id, unique within the message (1 to 256 characters); returned when the customer taps it. */
  id: string;
  /** Button title (1 to 20 characters). */
  text: string;
};

/** An interactive message with 1 to 3 quick-reply buttons. */
export type ReplyButtonMessageInput = {
  /** Body text (1 to 1024 characters), sent as Connectly's message.text. */
  body: string;
  /** 1 to 3 buttons with unique ids. */
  buttons: Array<ReplyButtonInput>;
  /** Footer text (1 to 60 characters). */
  footer?: string | null | undefined;
  /** Optional header, text or media. */
  header?: HeaderInput | null | undefined;
};

/** How an inbound message was linked to the message it answers. */
export type ReplyLink =
  /** The event named no message; the latest message to the customer before it with equal callbackData was taken. */
  | 'CALLBACK_DATA'
  /** The event named the message's Connectly id (a quoted reply's context, a reaction's target). */
  | 'CONNECTLY_ID';

/**
 * A session message to send: who receives it, from which number, and exactly one kind of content.
 *
 * Lengths ("1 to 60 characters") count Unicode code points, as WhatsApp counts characters: an emoji
 * such as 👍 is one character (a browser's maxLength counts it as two UTF-16 units). No string, here
 * or inside callbackData (keys included), may contain NUL (U+0000, rule NO_NUL) or an unpaired
 * UTF-16 surrogate (rule UNPAIRED_SURROGATE): neither can be stored or sent.
 */
export type SendSessionMessageInput = {
  /** The Connectly business that sends the message (1 to 128 letters, digits, '-' or '_'). */
  businessId: string | number;
  /**
   * Any JSON value, echoed back by Connectly in every webhook event tied to this message, exactly as
   * given: at most 1024 bytes once serialized as JSON (UTF-8, rule CALLBACK_DATA_SIZE). Numbers JSON
   * cannot keep exactly are refused (rule CALLBACK_DATA_NUMBER): integers beyond ±9007199254740991
   * (2^53 − 1) and non-finite values such as 1e400; written in the document itself, also a decimal with
   * more digits than a double keeps (0.12345678901234567890). In variables such a decimal has already
   * been rounded by JSON parsing before the gateway sees it: send numbers that must survive digit for
   * digit as strings.
   */
  callbackData?: unknown;
  /** Tags the message with a campaign name for analytics (1 to 128 characters), e.g. test_campaign_2022-03-12. */
  campaignName?: string | null | undefined;
  /** The content of the message: exactly one content type. */
  content: MessageContentInput;
  /**
   * A template to send instead when the customer's 24-hour window is closed: known from the gateway's
   * own record of the customer's messages (then the session content is never sent), or from Connectly
   * refusing the session content as outside the window. The template goes to the same recipient and
   * sender with the same callbackData, campaignName and messageId; the result is the stored Message
   * whose content is the template and whose fallback says why. The customer never gets both: the
   * template is sent only after a definite refusal, never after an attempt that may have got through.
   * Checked against the catalog like sendTemplateMessage's template, before anything is sent.
   */
  fallbackTemplate?: TemplateInput | null | undefined;
  /**
   * An id of your choosing for the message (1 to 128 letters, digits, '_', '-', '.' or ':'), sent as
   * Connectly's message.id. It is unique per business: sending the same messageId again with the same
   * input returns the stored message instead of sending twice; with a different input the result is a
   * MessageIdConflictError. When omitted, the gateway's own id is sent.
   */
  messageId?: string | number | null | undefined;
  /** Controls the order in which Connectly dispatches this message relative to a parent message. */
  order?: DispatchOrderInput | null | undefined;
  /** The customer to send to. */
  recipient: RecipientInput;
  /** Which of the business's WhatsApp numbers sends the message. Omit it when the business has one number. */
  sender?: SenderInput | null | undefined;
};

/**
 * A template message to send. Lengths count Unicode code points; no string may contain NUL or an
 * unpaired surrogate (as for SendSessionMessageInput).
 */
export type SendTemplateMessageInput = {
  /** The Connectly business that sends the message (1 to 128 letters, digits, '-' or '_'). */
  businessId: string | number;
  /** Any JSON value echoed in every webhook event of this message (at most 1024 bytes, as for sendSessionMessage). */
  callbackData?: unknown;
  /** Tags the message with a campaign name (1 to 128 characters); delivery-status events echo it. */
  campaignName?: string | null | undefined;
  /** An id of your choosing (1 to 128 letters, digits, '_', '-', '.' or ':'), unique per business, as for sendSessionMessage. */
  messageId?: string | number | null | undefined;
  /** The customer to send to. */
  recipient: TemplateRecipientInput;
  /** Which of the business's WhatsApp numbers sends the message. Omit it when the business has one number. */
  sender?: TemplateSenderInput | null | undefined;
  /** The approved template, its language and the values of its parameters. */
  template: TemplateInput;
};

/** The business's WhatsApp number that sends the message. */
export type SenderInput = {
  /** The business's WhatsApp sender number in E.164 format (e.g. +14151111234). */
  id?: string | null | undefined;
  /** A display name for the sender (1 to 256 characters). */
  name?: string | null | undefined;
};

/** One product from the business's Meta catalog. */
export type SingleProductMessageInput = {
  /** Optional body text (1 to 1024 characters), sent as Connectly's message.text. */
  body?: string | null | undefined;
  /** The Meta catalog id (1 to 128 characters). */
  catalogId: string;
  /** Footer text (1 to 60 characters). */
  footer?: string | null | undefined;
  /** The product's retailer id in the catalog (1 to 100 characters). */
  productRetailerId: string;
};

/**
 * Which template to send and the values of its parameters. With the catalog known, the template must
 * exist in that language, be APPROVED, and the parameters must be exactly the ones it expects
 * (templates(businessId).parameters), each of its kind.
 */
export type TemplateInput = {
  /** The language code of an approved translation, e.g. en_US or pt_BR. */
  language: string;
  /** The template's name (1 to 512 lower-case letters, digits or '_'). */
  name: string;
  /** The parameter values, by name; each name at most once. Omit for a template without parameters. */
  parameters?: Array<TemplateParameterInput> | null | undefined;
};

/**
 * One parameter's value. Names: header_text, header_image, header_video, header_document, body_1 to
 * body_100, button_1_url to button_10_url (the nth button of the template, counting all its buttons).
 */
export type TemplateParameterInput = {
  /** The document's file name (header_document only; 1 to 240 characters). */
  filename?: string | null | undefined;
  /** The parameter's name, e.g. body_1. */
  name: string;
  /**
   * Its value: text for header_text (at most 60 characters, one line) and body_n (at most 1024, no tab,
   * no new line, no more than four spaces in a row), a public http(s) URL for a media header, the
   * suffix that completes the button's URL for button_n_url (at most 2000 characters in all).
   */
  value: string;
};

/** The customer who receives a template message. */
export type TemplateRecipientInput = {
  /** The customer's WhatsApp number in E.164 format (e.g. +5511988887777), sent as Connectly's number. */
  id: string;
  /** The customer's display name (1 to 256 characters), kept by the gateway; the template endpoint takes none. */
  name?: string | null | undefined;
};

/** The business's WhatsApp number that sends a template message. */
export type TemplateSenderInput = {
  /** The business's sender number in E.164 format. */
  id: string;
};

export type ConversationPageQueryVariables = Exact<{
  businessId: string | number;
  customerId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConversationPageQuery = { conversation: { businessId: string, customer: { id: string, lastInboundAt: string | null }, sessionWindow: { open: boolean, expiresAt: string | null }, edges: Array<{ cursor: string, direction: MessageDirection, at: string, node:
        | { __typename: 'InboundMessage' }
        | { __typename: 'Message', id: string, messageId: string, createdAt: string }
       }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ConversationTotalQueryVariables = Exact<{
  businessId: string | number;
  customerId: string;
}>;


export type ConversationTotalQuery = { conversation: { totalCount: number } };

export type CustomersPageQueryVariables = Exact<{
  businessId: string | number;
  filter?: CustomerFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type CustomersPageQuery = { customers: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, businessId: string, name: string | null, lastInboundAt: string | null, sessionWindow: { open: boolean, expiresAt: string | null } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type MessagesBothWaysQueryVariables = Exact<{
  filter: MessageFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MessagesBothWaysQuery = { messages: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, createdAt: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type MessageByMessageIdQueryVariables = Exact<{
  businessId: string | number;
  messageId: string | number;
}>;


export type MessageByMessageIdQuery = { messageByMessageId: { id: string, messageId: string, businessId: string } | null };

export type MessageCountsQueryVariables = Exact<{
  businessId: string | number;
  campaignName?: string | null | undefined;
  createdAfter?: string | null | undefined;
  createdBefore?: string | null | undefined;
}>;


export type MessageCountsQuery = { messageCounts: { businessId: string, campaignName: string | null, createdAfter: string | null, createdBefore: string | null, total: number, awaitingDeliveryStatus: number, answered: number, byStatus: Array<{ status: MessageStatus, count: number }>, byDeliveryStatus: Array<{ deliveryStatus: DeliveryStatus, count: number }> } };

export type DeliveryFieldsFragment = { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, callbackData: unknown, campaignName: string | null, createdAt: string, updatedAt: string, deliveryStatus: DeliveryStatus | null, deliveryStatusAt: string | null, recipient: { id: string }, deliveryError: { code: string, message: string } | null, statusHistory: Array<{ id: string, status: DeliveryStatus, occurredAt: string, receivedAt: string, callbackData: unknown, raw: unknown, error: { code: string, message: string } | null }> };

export type SendForDeliveryMutationVariables = Exact<{
  input: SendSessionMessageInput;
}>;


export type SendForDeliveryMutation = { sendSessionMessage:
    | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule }
    | { __typename: 'Message', id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, callbackData: unknown, campaignName: string | null, createdAt: string, updatedAt: string, deliveryStatus: DeliveryStatus | null, deliveryStatusAt: string | null, recipient: { id: string }, deliveryError: { code: string, message: string } | null, statusHistory: Array<{ id: string, status: DeliveryStatus, occurredAt: string, receivedAt: string, callbackData: unknown, raw: unknown, error: { code: string, message: string } | null }> }
    | { __typename: 'MessageIdConflictError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string, failedMessage: { id: string, status: MessageStatus } }
    | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string }
   };

export type DeliveredMessageQueryVariables = Exact<{
  id: string | number;
}>;


export type DeliveredMessageQuery = { message: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, callbackData: unknown, campaignName: string | null, createdAt: string, updatedAt: string, deliveryStatus: DeliveryStatus | null, deliveryStatusAt: string | null, recipient: { id: string }, deliveryError: { code: string, message: string } | null, statusHistory: Array<{ id: string, status: DeliveryStatus, occurredAt: string, receivedAt: string, callbackData: unknown, raw: unknown, error: { code: string, message: string } | null }> } | null };

export type DeliveredMessageByConnectlyIdQueryVariables = Exact<{
  connectlyId: string | number;
}>;


export type DeliveredMessageByConnectlyIdQuery = { messageByConnectlyId: { id: string, connectlyId: string | null, deliveryStatus: DeliveryStatus | null } | null };

export type DeliveredMessagesQueryVariables = Exact<{
  filter: MessageFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DeliveredMessagesQuery = { messages: { edges: Array<{ cursor: string, node: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, callbackData: unknown, campaignName: string | null, createdAt: string, updatedAt: string, deliveryStatus: DeliveryStatus | null, deliveryStatusAt: string | null, recipient: { id: string }, deliveryError: { code: string, message: string } | null, statusHistory: Array<{ id: string, status: DeliveryStatus, occurredAt: string, receivedAt: string, callbackData: unknown, raw: unknown, error: { code: string, message: string } | null }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type CustomerWindowQueryVariables = Exact<{
  businessId: string | number;
  id: string;
}>;


export type CustomerWindowQuery = { customer: { id: string, businessId: string, name: string | null, lastInboundAt: string | null, sessionWindow: { open: boolean, expiresAt: string | null } } };

export type InboundFieldsFragment = { id: string, businessId: string, businessNumber: string, linkedBy: ReplyLink | null, replyToConnectlyId: string | null, callbackData: unknown, occurredAt: string, receivedAt: string, raw: unknown, customer: { id: string, name: string | null, lastInboundAt: string | null }, content:
    | { __typename: 'ButtonReplyContent', buttonId: string | null, buttonText: string }
    | { __typename: 'InboundAttachmentsContent', caption: string | null, attachments: Array<{ type: string, url: string, mimeType: string | null, filename: string | null, caption: string | null }> }
    | { __typename: 'InboundLocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
    | { __typename: 'InboundTextContent', text: string }
    | { __typename: 'ListReplyContent', rowId: string, title: string | null, description: string | null }
    | { __typename: 'ReactionContent', emoji: string | null }
    | { __typename: 'UnsupportedInboundContent', kind: string | null, note: string | null }
  , referral: { sourceUrl: string | null, sourceId: string | null, sourceType: string | null, headline: string | null, body: string | null, mediaType: string | null, imageUrl: string | null, videoUrl: string | null, ctwaClid: string | null } | null, inReplyTo: { id: string, businessId: string, connectlyId: string | null } | null };

export type InboundMessageByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type InboundMessageByIdQuery = { inboundMessage: { id: string, businessId: string, businessNumber: string, linkedBy: ReplyLink | null, replyToConnectlyId: string | null, callbackData: unknown, occurredAt: string, receivedAt: string, raw: unknown, customer: { id: string, name: string | null, lastInboundAt: string | null }, content:
      | { __typename: 'ButtonReplyContent', buttonId: string | null, buttonText: string }
      | { __typename: 'InboundAttachmentsContent', caption: string | null, attachments: Array<{ type: string, url: string, mimeType: string | null, filename: string | null, caption: string | null }> }
      | { __typename: 'InboundLocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'InboundTextContent', text: string }
      | { __typename: 'ListReplyContent', rowId: string, title: string | null, description: string | null }
      | { __typename: 'ReactionContent', emoji: string | null }
      | { __typename: 'UnsupportedInboundContent', kind: string | null, note: string | null }
    , referral: { sourceUrl: string | null, sourceId: string | null, sourceType: string | null, headline: string | null, body: string | null, mediaType: string | null, imageUrl: string | null, videoUrl: string | null, ctwaClid: string | null } | null, inReplyTo: { id: string, businessId: string, connectlyId: string | null } | null } | null };

export type CustomerLastInboundQueryVariables = Exact<{
  businessId: string | number;
  id: string;
}>;


export type CustomerLastInboundQuery = { customer: { id: string, lastInboundAt: string | null, sessionWindow: { open: boolean, expiresAt: string | null }, lastInboundMessage: { id: string, businessId: string, businessNumber: string, linkedBy: ReplyLink | null, replyToConnectlyId: string | null, callbackData: unknown, occurredAt: string, receivedAt: string, raw: unknown, customer: { id: string, name: string | null, lastInboundAt: string | null }, content:
        | { __typename: 'ButtonReplyContent', buttonId: string | null, buttonText: string }
        | { __typename: 'InboundAttachmentsContent', caption: string | null, attachments: Array<{ type: string, url: string, mimeType: string | null, filename: string | null, caption: string | null }> }
        | { __typename: 'InboundLocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
        | { __typename: 'InboundTextContent', text: string }
        | { __typename: 'ListReplyContent', rowId: string, title: string | null, description: string | null }
        | { __typename: 'ReactionContent', emoji: string | null }
        | { __typename: 'UnsupportedInboundContent', kind: string | null, note: string | null }
      , referral: { sourceUrl: string | null, sourceId: string | null, sourceType: string | null, headline: string | null, body: string | null, mediaType: string | null, imageUrl: string | null, videoUrl: string | null, ctwaClid: string | null } | null, inReplyTo: { id: string, businessId: string, connectlyId: string | null } | null } | null } };

export type MessageRepliesQueryVariables = Exact<{
  id: string | number;
}>;


export type MessageRepliesQuery = { message: { id: string, replies: Array<{ id: string, linkedBy: ReplyLink | null, occurredAt: string, content:
        | { __typename: 'ButtonReplyContent' }
        | { __typename: 'InboundAttachmentsContent' }
        | { __typename: 'InboundLocationContent' }
        | { __typename: 'InboundTextContent' }
        | { __typename: 'ListReplyContent' }
        | { __typename: 'ReactionContent' }
        | { __typename: 'UnsupportedInboundContent' }
       }> } | null };

export type CustomerActivitySubscriptionVariables = Exact<{
  businessId: string | number;
  customerId?: string | null | undefined;
}>;


export type CustomerActivitySubscription = { customerActivity: { kind: CustomerActivityKind, customer: { id: string, businessId: string, lastInboundAt: string | null }, sessionWindow: { open: boolean, expiresAt: string | null }, inboundMessage: { id: string, businessId: string, businessNumber: string, linkedBy: ReplyLink | null, replyToConnectlyId: string | null, callbackData: unknown, occurredAt: string, receivedAt: string, raw: unknown, customer: { id: string, name: string | null, lastInboundAt: string | null }, content:
        | { __typename: 'ButtonReplyContent', buttonId: string | null, buttonText: string }
        | { __typename: 'InboundAttachmentsContent', caption: string | null, attachments: Array<{ type: string, url: string, mimeType: string | null, filename: string | null, caption: string | null }> }
        | { __typename: 'InboundLocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
        | { __typename: 'InboundTextContent', text: string }
        | { __typename: 'ListReplyContent', rowId: string, title: string | null, description: string | null }
        | { __typename: 'ReactionContent', emoji: string | null }
        | { __typename: 'UnsupportedInboundContent', kind: string | null, note: string | null }
      , referral: { sourceUrl: string | null, sourceId: string | null, sourceType: string | null, headline: string | null, body: string | null, mediaType: string | null, imageUrl: string | null, videoUrl: string | null, ctwaClid: string | null } | null, inReplyTo: { id: string, businessId: string, connectlyId: string | null } | null } | null } };

export type MessageFieldsFragment = { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
      | { __typename: 'AttachmentContent' }
      | { __typename: 'ListMessageContent' }
      | { __typename: 'LocationContent' }
      | { __typename: 'MultiProductMessageContent' }
      | { __typename: 'ReplyButtonMessageContent' }
      | { __typename: 'SingleProductMessageContent' }
      | { __typename: 'TemplateContent' }
      | { __typename: 'TextContent', text: string }
    , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
    | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
    | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
    | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
    | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
    | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
    | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
    | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
    | { __typename: 'TextContent', text: string }
   };

export type StoredMessageQueryVariables = Exact<{
  id: string | number;
}>;


export type StoredMessageQuery = { message: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     } | null };

export type UpstreamDetailFieldsFragment = { status: number | null, type: string | null, code: string | null, message: string | null };

type SendResultFields_BusinessNotConfiguredError_Fragment = { __typename: 'BusinessNotConfiguredError', businessId: string, code: ErrorCode, message: string };

type SendResultFields_InvalidInputError_Fragment = { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule, issues: Array<{ field: string, rule: InputRule, message: string }> };

type SendResultFields_Message_Fragment = { __typename: 'Message', id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
      | { __typename: 'AttachmentContent' }
      | { __typename: 'ListMessageContent' }
      | { __typename: 'LocationContent' }
      | { __typename: 'MultiProductMessageContent' }
      | { __typename: 'ReplyButtonMessageContent' }
      | { __typename: 'SingleProductMessageContent' }
      | { __typename: 'TemplateContent' }
      | { __typename: 'TextContent', text: string }
    , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
    | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
    | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
    | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
    | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
    | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
    | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
    | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
    | { __typename: 'TextContent', text: string }
   };

type SendResultFields_MessageIdConflictError_Fragment = { __typename: 'MessageIdConflictError', messageId: string, code: ErrorCode, message: string, existingMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     } };

type SendResultFields_RateLimitQueueFullError_Fragment = { __typename: 'RateLimitQueueFullError', unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     } };

type SendResultFields_SessionWindowClosedError_Fragment = { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     }, sessionWindow: { open: boolean, expiresAt: string | null }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } };

type SendResultFields_TemplateCatalogUnavailableError_Fragment = { __typename: 'TemplateCatalogUnavailableError', businessId: string, code: ErrorCode, message: string, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } };

type SendResultFields_UpstreamError_Fragment = { __typename: 'UpstreamError', unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } };

type SendResultFields_UpstreamRateLimitedError_Fragment = { __typename: 'UpstreamRateLimitedError', retryAfterSeconds: number | null, unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } };

export type SendResultFieldsFragment =
  | SendResultFields_BusinessNotConfiguredError_Fragment
  | SendResultFields_InvalidInputError_Fragment
  | SendResultFields_Message_Fragment
  | SendResultFields_MessageIdConflictError_Fragment
  | SendResultFields_RateLimitQueueFullError_Fragment
  | SendResultFields_SessionWindowClosedError_Fragment
  | SendResultFields_TemplateCatalogUnavailableError_Fragment
  | SendResultFields_UpstreamError_Fragment
  | SendResultFields_UpstreamRateLimitedError_Fragment
;

export type SendSessionMessageMutationVariables = Exact<{
  input: SendSessionMessageInput;
}>;


export type SendSessionMessageMutation = { sendSessionMessage:
    | { __typename: 'BusinessNotConfiguredError', businessId: string, code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule, issues: Array<{ field: string, rule: InputRule, message: string }> }
    | { __typename: 'Message', id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
          | { __typename: 'AttachmentContent' }
          | { __typename: 'ListMessageContent' }
          | { __typename: 'LocationContent' }
          | { __typename: 'MultiProductMessageContent' }
          | { __typename: 'ReplyButtonMessageContent' }
          | { __typename: 'SingleProductMessageContent' }
          | { __typename: 'TemplateContent' }
          | { __typename: 'TextContent', text: string }
        , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
        | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
        | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
        | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
        | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
        | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
        | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
        | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
        | { __typename: 'TextContent', text: string }
       }
    | { __typename: 'MessageIdConflictError', messageId: string, code: ErrorCode, message: string, existingMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         } }
    | { __typename: 'RateLimitQueueFullError', unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         } }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         }, sessionWindow: { open: boolean, expiresAt: string | null }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
    | { __typename: 'TemplateCatalogUnavailableError', businessId: string, code: ErrorCode, message: string, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
    | { __typename: 'UpstreamError', unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
    | { __typename: 'UpstreamRateLimitedError', retryAfterSeconds: number | null, unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
   };

export type SendSessionMessagesMutationVariables = Exact<{
  inputs: Array<SendSessionMessageInput> | SendSessionMessageInput;
}>;


export type SendSessionMessagesMutation = { sendSessionMessages: { acceptedCount: number, failedCount: number, results: Array<
      | { __typename: 'BusinessNotConfiguredError', businessId: string, code: ErrorCode, message: string }
      | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule, issues: Array<{ field: string, rule: InputRule, message: string }> }
      | { __typename: 'Message', id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         }
      | { __typename: 'MessageIdConflictError', messageId: string, code: ErrorCode, message: string, existingMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           } }
      | { __typename: 'RateLimitQueueFullError', unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           } }
      | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           }, sessionWindow: { open: boolean, expiresAt: string | null }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
      | { __typename: 'TemplateCatalogUnavailableError', businessId: string, code: ErrorCode, message: string, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
      | { __typename: 'UpstreamError', unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
      | { __typename: 'UpstreamRateLimitedError', retryAfterSeconds: number | null, unconfirmed: boolean, code: ErrorCode, message: string, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
    > } };

type SendOutcome_BusinessNotConfiguredError_Fragment = { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string };

type SendOutcome_InvalidInputError_Fragment = { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule, issues: Array<{ field: string, rule: InputRule, message: string }> };

type SendOutcome_Message_Fragment = { __typename: 'Message', id: string };

type SendOutcome_MessageIdConflictError_Fragment = { __typename: 'MessageIdConflictError', code: ErrorCode, message: string };

type SendOutcome_RateLimitQueueFullError_Fragment = { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string };

type SendOutcome_SessionWindowClosedError_Fragment = { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string };

type SendOutcome_TemplateCatalogUnavailableError_Fragment = { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string };

type SendOutcome_UpstreamError_Fragment = { __typename: 'UpstreamError', code: ErrorCode, message: string };

type SendOutcome_UpstreamRateLimitedError_Fragment = { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string };

export type SendOutcomeFragment =
  | SendOutcome_BusinessNotConfiguredError_Fragment
  | SendOutcome_InvalidInputError_Fragment
  | SendOutcome_Message_Fragment
  | SendOutcome_MessageIdConflictError_Fragment
  | SendOutcome_RateLimitQueueFullError_Fragment
  | SendOutcome_SessionWindowClosedError_Fragment
  | SendOutcome_TemplateCatalogUnavailableError_Fragment
  | SendOutcome_UpstreamError_Fragment
  | SendOutcome_UpstreamRateLimitedError_Fragment
;

type TemplateResultFields_BusinessNotConfiguredError_Fragment = { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string, businessId: string };

type TemplateResultFields_InvalidInputError_Fragment = { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule, issues: Array<{ field: string, rule: InputRule, message: string }> };

type TemplateResultFields_Message_Fragment = { __typename: 'Message', id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
      | { __typename: 'AttachmentContent' }
      | { __typename: 'ListMessageContent' }
      | { __typename: 'LocationContent' }
      | { __typename: 'MultiProductMessageContent' }
      | { __typename: 'ReplyButtonMessageContent' }
      | { __typename: 'SingleProductMessageContent' }
      | { __typename: 'TemplateContent' }
      | { __typename: 'TextContent', text: string }
    , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
    | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
    | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
    | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
    | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
    | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
    | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
    | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
    | { __typename: 'TextContent', text: string }
   };

type TemplateResultFields_MessageIdConflictError_Fragment = { __typename: 'MessageIdConflictError', code: ErrorCode, message: string, messageId: string, existingMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     } };

type TemplateResultFields_RateLimitQueueFullError_Fragment = { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     } };

type TemplateResultFields_TemplateCatalogUnavailableError_Fragment = { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string, businessId: string, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } };

type TemplateResultFields_UpstreamError_Fragment = { __typename: 'UpstreamError', code: ErrorCode, message: string, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } };

type TemplateResultFields_UpstreamRateLimitedError_Fragment = { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent' }
        | { __typename: 'TextContent', text: string }
      , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
      | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
      | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
      | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
      | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
      | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
      | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
      | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
      | { __typename: 'TextContent', text: string }
     }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } };

export type TemplateResultFieldsFragment =
  | TemplateResultFields_BusinessNotConfiguredError_Fragment
  | TemplateResultFields_InvalidInputError_Fragment
  | TemplateResultFields_Message_Fragment
  | TemplateResultFields_MessageIdConflictError_Fragment
  | TemplateResultFields_RateLimitQueueFullError_Fragment
  | TemplateResultFields_TemplateCatalogUnavailableError_Fragment
  | TemplateResultFields_UpstreamError_Fragment
  | TemplateResultFields_UpstreamRateLimitedError_Fragment
;

export type SendTemplateMessageMutationVariables = Exact<{
  input: SendTemplateMessageInput;
}>;


export type SendTemplateMessageMutation = { sendTemplateMessage:
    | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string, businessId: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule, issues: Array<{ field: string, rule: InputRule, message: string }> }
    | { __typename: 'Message', id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
          | { __typename: 'AttachmentContent' }
          | { __typename: 'ListMessageContent' }
          | { __typename: 'LocationContent' }
          | { __typename: 'MultiProductMessageContent' }
          | { __typename: 'ReplyButtonMessageContent' }
          | { __typename: 'SingleProductMessageContent' }
          | { __typename: 'TemplateContent' }
          | { __typename: 'TextContent', text: string }
        , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
        | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
        | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
        | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
        | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
        | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
        | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
        | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
        | { __typename: 'TextContent', text: string }
       }
    | { __typename: 'MessageIdConflictError', code: ErrorCode, message: string, messageId: string, existingMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         } }
    | { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         } }
    | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string, businessId: string, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
    | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
   };

export type SendTemplateMessagesMutationVariables = Exact<{
  inputs: Array<SendTemplateMessageInput> | SendTemplateMessageInput;
}>;


export type SendTemplateMessagesMutation = { sendTemplateMessages: { acceptedCount: number, failedCount: number, results: Array<
      | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string, businessId: string }
      | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule, issues: Array<{ field: string, rule: InputRule, message: string }> }
      | { __typename: 'Message', id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent' }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent' }
            | { __typename: 'TextContent', text: string }
          , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
          | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
          | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
          | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
          | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
          | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
          | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
          | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
          | { __typename: 'TextContent', text: string }
         }
      | { __typename: 'MessageIdConflictError', code: ErrorCode, message: string, messageId: string, existingMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           } }
      | { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           } }
      | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string, businessId: string, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
      | { __typename: 'UpstreamError', code: ErrorCode, message: string, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
      | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null, unconfirmed: boolean, failedMessage: { id: string, messageId: string, connectlyId: string | null, businessId: string, status: MessageStatus, attempts: number, createdAt: string, updatedAt: string, callbackData: unknown, campaignName: string | null, recipient: { id: string, userId: string | null, name: string | null }, sender: { id: string | null, name: string | null } | null, order: { parentId: string | null, strategy: DispatchStrategy | null } | null, error: { code: ErrorCode, message: string, upstreamStatus: number | null } | null, fallback: { reason: FallbackReason, message: string, sessionContent:
              | { __typename: 'AttachmentContent' }
              | { __typename: 'ListMessageContent' }
              | { __typename: 'LocationContent' }
              | { __typename: 'MultiProductMessageContent' }
              | { __typename: 'ReplyButtonMessageContent' }
              | { __typename: 'SingleProductMessageContent' }
              | { __typename: 'TemplateContent' }
              | { __typename: 'TextContent', text: string }
            , upstream: { status: number | null, type: string | null, code: string | null, message: string | null } | null } | null, content:
            | { __typename: 'AttachmentContent', attachment: { type: AttachmentType, url: string, caption: string | null, filename: string | null } }
            | { __typename: 'ListMessageContent', listMessage: { body: string | null, footer: string | null, button: string, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, sections: Array<{ title: string | null, rows: Array<{ id: string, text: string, description: string | null }> }> } }
            | { __typename: 'LocationContent', location: { latitude: number, longitude: number, name: string | null, address: string | null } }
            | { __typename: 'MultiProductMessageContent', multiProductMessage: { header: string, body: string, footer: string | null, catalogId: string, sections: Array<{ title: string, productItems: Array<{ productRetailerId: string }> }> } }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, footer: string | null, header: { text: string | null, attachment: { type: HeaderAttachmentType, url: string, filename: string | null } | null } | null, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent', singleProductMessage: { body: string | null, footer: string | null, catalogId: string, productRetailerId: string } }
            | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean, parameters: Array<{ name: string, value: string, filename: string | null }> } }
            | { __typename: 'TextContent', text: string }
           }, upstream: { status: number | null, type: string | null, code: string | null, message: string | null } }
    > } };

export type SendLiteralCallbackDataMutationVariables = Exact<{ [key: string]: never; }>;


export type SendLiteralCallbackDataMutation = { sendSessionMessage:
    | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, status: MessageStatus, callbackData: unknown }
    | { __typename: 'MessageIdConflictError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string }
   };

export const DeliveryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatusAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<DeliveryFieldsFragment, unknown>;
export const InboundFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"businessNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundTextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundAttachmentsContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"caption"},"name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundLocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ButtonReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buttonId"}},{"kind":"Field","alias":{"kind":"Name","value":"buttonText"},"name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedInboundContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","alias":{"kind":"Name","value":"note"},"name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"videoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ctwaClid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedBy"}},{"kind":"Field","name":{"kind":"Name","value":"replyToConnectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<InboundFieldsFragment, unknown>;
export const SendOutcomeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SendOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SendOutcomeFragment, unknown>;
export const MessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttachmentContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"button"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SingleProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"singleProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"multiProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"productItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MessageFieldsFragment, unknown>;
export const UpstreamDetailFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpstreamDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UpstreamDetailFieldsFragment, unknown>;
export const SendResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SendResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SendOutcome"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessNotConfiguredError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageIdConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"existingMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionWindowClosedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateCatalogUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitQueueFullError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamRateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SendOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttachmentContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"button"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SingleProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"singleProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"multiProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"productItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpstreamDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SendResultFieldsFragment, unknown>;
export const TemplateResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TemplateResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendTemplateMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessNotConfiguredError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageIdConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"existingMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateCatalogUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitQueueFullError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamRateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttachmentContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"button"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SingleProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"singleProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"multiProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"productItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpstreamDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<TemplateResultFieldsFragment, unknown>;
export const ConversationPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversationPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConversationPageQuery, ConversationPageQueryVariables>;
export const ConversationTotalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversationTotal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ConversationTotalQuery, ConversationTotalQueryVariables>;
export const CustomersPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<CustomersPageQuery, CustomersPageQueryVariables>;
export const MessagesBothWaysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessagesBothWays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MessageFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<MessagesBothWaysQuery, MessagesBothWaysQueryVariables>;
export const MessageByMessageIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessageByMessageId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"messageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageByMessageId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"messageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"messageId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}}]}}]}}]} as unknown as DocumentNode<MessageByMessageIdQuery, MessageByMessageIdQueryVariables>;
export const MessageCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessageCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"createdAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"createdBefore"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"campaignName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignName"}}},{"kind":"Argument","name":{"kind":"Name","value":"createdAfter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"createdAfter"}}},{"kind":"Argument","name":{"kind":"Name","value":"createdBefore"},"value":{"kind":"Variable","name":{"kind":"Name","value":"createdBefore"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAfter"}},{"kind":"Field","name":{"kind":"Name","value":"createdBefore"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byDeliveryStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"awaitingDeliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}}]}}]}}]} as unknown as DocumentNode<MessageCountsQuery, MessageCountsQueryVariables>;
export const SendForDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendForDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSessionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatusAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<SendForDeliveryMutation, SendForDeliveryMutationVariables>;
export const DeliveredMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeliveredMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatusAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<DeliveredMessageQuery, DeliveredMessageQueryVariables>;
export const DeliveredMessageByConnectlyIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeliveredMessageByConnectlyId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectlyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageByConnectlyId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectlyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectlyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}}]}}]}}]} as unknown as DocumentNode<DeliveredMessageByConnectlyIdQuery, DeliveredMessageByConnectlyIdQueryVariables>;
export const DeliveredMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeliveredMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MessageFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatusAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<DeliveredMessagesQuery, DeliveredMessagesQueryVariables>;
export const CustomerWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerWindowQuery, CustomerWindowQueryVariables>;
export const InboundMessageByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InboundMessageById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inboundMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboundFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"businessNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundTextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundAttachmentsContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"caption"},"name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundLocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ButtonReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buttonId"}},{"kind":"Field","alias":{"kind":"Name","value":"buttonText"},"name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedInboundContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","alias":{"kind":"Name","value":"note"},"name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"videoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ctwaClid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedBy"}},{"kind":"Field","name":{"kind":"Name","value":"replyToConnectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<InboundMessageByIdQuery, InboundMessageByIdQueryVariables>;
export const CustomerLastInboundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerLastInbound"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboundFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"businessNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundTextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundAttachmentsContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"caption"},"name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundLocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ButtonReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buttonId"}},{"kind":"Field","alias":{"kind":"Name","value":"buttonText"},"name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedInboundContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","alias":{"kind":"Name","value":"note"},"name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"videoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ctwaClid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedBy"}},{"kind":"Field","name":{"kind":"Name","value":"replyToConnectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<CustomerLastInboundQuery, CustomerLastInboundQueryVariables>;
export const MessageRepliesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessageReplies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"linkedBy"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MessageRepliesQuery, MessageRepliesQueryVariables>;
export const CustomerActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CustomerActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboundFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"businessNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lastInboundAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundTextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundAttachmentsContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"caption"},"name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundLocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ButtonReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buttonId"}},{"kind":"Field","alias":{"kind":"Name","value":"buttonText"},"name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedInboundContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","alias":{"kind":"Name","value":"note"},"name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"videoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ctwaClid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedBy"}},{"kind":"Field","name":{"kind":"Name","value":"replyToConnectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<CustomerActivitySubscription, CustomerActivitySubscriptionVariables>;
export const StoredMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoredMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttachmentContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"button"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SingleProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"singleProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"multiProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"productItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StoredMessageQuery, StoredMessageQueryVariables>;
export const SendSessionMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendSessionMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSessionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SendResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SendOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttachmentContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"button"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SingleProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"singleProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"multiProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"productItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpstreamDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SendResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SendOutcome"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessNotConfiguredError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageIdConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"existingMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionWindowClosedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateCatalogUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitQueueFullError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamRateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}}]}}]} as unknown as DocumentNode<SendSessionMessageMutation, SendSessionMessageMutationVariables>;
export const SendSessionMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendSessionMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSessionMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SendResultFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SendOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttachmentContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"button"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SingleProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"singleProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"multiProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"productItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpstreamDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SendResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendSessionMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SendOutcome"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessNotConfiguredError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageIdConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"existingMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionWindowClosedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateCatalogUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitQueueFullError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamRateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}}]}}]} as unknown as DocumentNode<SendSessionMessagesMutation, SendSessionMessagesMutationVariables>;
export const SendTemplateMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTemplateMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendTemplateMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTemplateMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TemplateResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttachmentContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"button"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SingleProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"singleProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"multiProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"productItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpstreamDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TemplateResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendTemplateMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessNotConfiguredError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageIdConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"existingMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateCatalogUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitQueueFullError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamRateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}}]}}]} as unknown as DocumentNode<SendTemplateMessageMutation, SendTemplateMessageMutationVariables>;
export const SendTemplateMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTemplateMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendTemplateMessageInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTemplateMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TemplateResultFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttachmentContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"button"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SingleProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"singleProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiProductMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"multiProductMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"footer"}},{"kind":"Field","name":{"kind":"Name","value":"catalogId"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"productItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productRetailerId"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpstreamDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TemplateResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendTemplateMessageResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessNotConfiguredError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageIdConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"existingMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateCatalogUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitQueueFullError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamRateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpstreamDetailFields"}}]}}]}}]}}]} as unknown as DocumentNode<SendTemplateMessagesMutation, SendTemplateMessagesMutationVariables>;
export const SendLiteralCallbackDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendLiteralCallbackData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSessionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"businessId"},"value":{"kind":"StringValue","value":"biz-validation","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"recipient"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"+16044441111","block":false}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"content"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"StringValue","value":"hi","block":false}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"callbackData"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"a"},"value":{"kind":"FloatValue","value":"0.1"}},{"kind":"ObjectField","name":{"kind":"Name","value":"b"},"value":{"kind":"IntValue","value":"9007199254740991"}},{"kind":"ObjectField","name":{"kind":"Name","value":"c"},"value":{"kind":"FloatValue","value":"1.5e-300"}},{"kind":"ObjectField","name":{"kind":"Name","value":"d"},"value":{"kind":"FloatValue","value":"1.50"}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"callbackData"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SendLiteralCallbackDataMutation, SendLiteralCallbackDataMutationVariables>;