/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a customer's activity was. */
export type CustomerActivityKind =
  /** The customer sent a message (which opened or renewed their window). */
  | 'INBOUND_MESSAGE'
  /** 24 hours passed since the customer's last message: session messages are refused until they write again. */
  | 'WINDOW_CLOSED';

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

/** Which way a conversation entry went. */
export type MessageDirection =
  /** The customer sent it (an InboundMessage). */
  | 'INBOUND'
  /** The business sent it (a Message). */
  | 'OUTBOUND';

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

/** A quick-reply button. */
export type ReplyButtonInput = {
  /** Button id, unique within the message (1 to 256 characters); returned when the customer taps it. */
  id: string;
  /** Button title (1 to 20 characters). */
  text: string;
};

/** How an inbound message was linked to the message it answers. */
export type ReplyLink =
  /** The event named no message; the latest message to the customer before it with equal callbackData was taken. */
  | 'CALLBACK_DATA'
  /** The event named the message's Connectly id (a quoted reply's context, a reaction's target). */
  | 'CONNECTLY_ID';

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

/** Narrows templates(); every field given must match. */
export type TemplateFilter = {
  /** Only templates of this category, as Connectly spells it (e.g. UTILITY; 1 to 128 characters). */
  category?: string | null | undefined;
  /** The language code, e.g. en_US (2 to 15 letters, '_' or '-'). */
  language?: string | null | undefined;
  /** The template's exact name (1 to 512 characters). */
  name?: string | null | undefined;
  /** Only templates with this status. */
  status?: TemplateStatus | null | undefined;
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

/** What a template parameter fills. */
export type TemplateParameterKind =
  /** A {{n}} of the body: text, at most 1024 characters. */
  | 'BODY_TEXT'
  /** The {{1}} of a URL button's URL: the suffix that completes it. */
  | 'BUTTON_URL'
  /** A document header: the document's public http(s) URL (filename names the file). */
  | 'HEADER_DOCUMENT'
  /** An image header: the image's public http(s) URL. */
  | 'HEADER_IMAGE'
  /** The {{1}} of a text header: text, at most 60 characters. */
  | 'HEADER_TEXT'
  /** A video header: the video's public http(s) URL. */
  | 'HEADER_VIDEO';

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

/** Where a template stands with WhatsApp's review. */
export type TemplateStatus =
  /** Approved: can be sent. */
  | 'APPROVED'
  /** Submitted, not reviewed yet: cannot be sent. */
  | 'PENDING'
  /** Rejected (rejectionReason says why): cannot be sent. */
  | 'REJECTED'
  /** A status Connectly's documentation does not name (connectlyStatus holds it): treated as not sendable. */
  | 'UNKNOWN';

export type ConversationQueryVariables = Exact<{
  businessId: string | number;
  customerId: string;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConversationQuery = { conversation: { sessionWindow: { open: boolean, expiresAt: string | null }, edges: Array<{ cursor: string, direction: MessageDirection, at: string, node:
        | { __typename: 'InboundMessage', id: string, occurredAt: string, linkedBy: ReplyLink | null, content:
            | { __typename: 'ButtonReplyContent', buttonId: string | null, text: string }
            | { __typename: 'InboundAttachmentsContent', caption: string | null, attachments: Array<{ type: string, url: string }> }
            | { __typename: 'InboundLocationContent', location: { latitude: number, longitude: number, name: string | null } }
            | { __typename: 'InboundTextContent', text: string }
            | { __typename: 'ListReplyContent', rowId: string, title: string | null }
            | { __typename: 'ReactionContent', emoji: string | null }
            | { __typename: 'UnsupportedInboundContent', kind: string | null, unsupportedText: string | null }
          , inReplyTo: { id: string } | null }
        | { __typename: 'Message', id: string, connectlyId: string | null, status: MessageStatus, deliveryStatus: DeliveryStatus | null, createdAt: string, content:
            | { __typename: 'AttachmentContent' }
            | { __typename: 'ListMessageContent' }
            | { __typename: 'LocationContent' }
            | { __typename: 'MultiProductMessageContent' }
            | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, buttons: Array<{ id: string, text: string }> } }
            | { __typename: 'SingleProductMessageContent' }
            | { __typename: 'TemplateContent', template: { name: string, language: string } }
            | { __typename: 'TextContent', text: string }
           }
       }>, pageInfo: { hasPreviousPage: boolean, startCursor: string | null } } };

export type ConversationMessageFragment = { id: string, connectlyId: string | null, status: MessageStatus, deliveryStatus: DeliveryStatus | null, createdAt: string, content:
    | { __typename: 'AttachmentContent' }
    | { __typename: 'ListMessageContent' }
    | { __typename: 'LocationContent' }
    | { __typename: 'MultiProductMessageContent' }
    | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, buttons: Array<{ id: string, text: string }> } }
    | { __typename: 'SingleProductMessageContent' }
    | { __typename: 'TemplateContent', template: { name: string, language: string } }
    | { __typename: 'TextContent', text: string }
   };

export type ConversationInboundFragment = { id: string, occurredAt: string, linkedBy: ReplyLink | null, content:
    | { __typename: 'ButtonReplyContent', buttonId: string | null, text: string }
    | { __typename: 'InboundAttachmentsContent', caption: string | null, attachments: Array<{ type: string, url: string }> }
    | { __typename: 'InboundLocationContent', location: { latitude: number, longitude: number, name: string | null } }
    | { __typename: 'InboundTextContent', text: string }
    | { __typename: 'ListReplyContent', rowId: string, title: string | null }
    | { __typename: 'ReactionContent', emoji: string | null }
    | { __typename: 'UnsupportedInboundContent', kind: string | null, unsupportedText: string | null }
  , inReplyTo: { id: string } | null };

export type CustomerActivitySubscriptionVariables = Exact<{
  businessId: string | number;
  customerId?: string | null | undefined;
}>;


export type CustomerActivitySubscription = { customerActivity: { kind: CustomerActivityKind, customer: { id: string }, sessionWindow: { open: boolean, expiresAt: string | null }, inboundMessage: { id: string, occurredAt: string, linkedBy: ReplyLink | null, content:
        | { __typename: 'ButtonReplyContent', buttonId: string | null, text: string }
        | { __typename: 'InboundAttachmentsContent', caption: string | null, attachments: Array<{ type: string, url: string }> }
        | { __typename: 'InboundLocationContent', location: { latitude: number, longitude: number, name: string | null } }
        | { __typename: 'InboundTextContent', text: string }
        | { __typename: 'ListReplyContent', rowId: string, title: string | null }
        | { __typename: 'ReactionContent', emoji: string | null }
        | { __typename: 'UnsupportedInboundContent', kind: string | null, unsupportedText: string | null }
      , inReplyTo: { id: string } | null } | null } };

export type SendButtonsMutationVariables = Exact<{
  businessId: string | number;
  to: string;
  body: string;
  buttons: Array<ReplyButtonInput> | ReplyButtonInput;
}>;


export type SendButtonsMutation = { sendSessionMessage:
    | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule }
    | { __typename: 'Message', id: string, connectlyId: string | null, status: MessageStatus, deliveryStatus: DeliveryStatus | null, createdAt: string, content:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent', replyButtonMessage: { body: string, buttons: Array<{ id: string, text: string }> } }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent', template: { name: string, language: string } }
        | { __typename: 'TextContent', text: string }
       }
    | { __typename: 'MessageIdConflictError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string }
   };

export type MessageHistoryQueryVariables = Exact<{
  businessId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MessageHistoryQuery = { messages: { edges: Array<{ node: { id: string, status: MessageStatus, deliveryStatus: DeliveryStatus | null, createdAt: string, updatedAt: string, recipient: { id: string }, content:
          | { __typename: 'AttachmentContent' }
          | { __typename: 'ListMessageContent' }
          | { __typename: 'LocationContent' }
          | { __typename: 'MultiProductMessageContent' }
          | { __typename: 'ReplyButtonMessageContent' }
          | { __typename: 'SingleProductMessageContent' }
          | { __typename: 'TemplateContent', template: { name: string, language: string } }
          | { __typename: 'TextContent' }
        , fallback: { reason: FallbackReason } | null, statusHistory: Array<{ status: DeliveryStatus, occurredAt: string, error: { code: string, message: string } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SendTemplateMutationVariables = Exact<{
  input: SendTemplateMessageInput;
}>;


export type SendTemplateMutation = { sendTemplateMessage:
    | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule }
    | { __typename: 'Message', id: string, connectlyId: string | null, status: MessageStatus, createdAt: string, content:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent', template: { name: string, language: string, checkedAgainstCatalog: boolean } }
        | { __typename: 'TextContent' }
       }
    | { __typename: 'MessageIdConflictError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string }
    | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string }
   };

export type SendTextMutationVariables = Exact<{
  businessId: string | number;
  to: string;
  text: string;
}>;


export type SendTextMutation = { sendSessionMessage:
    | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule }
    | { __typename: 'Message', id: string, connectlyId: string | null, status: MessageStatus, createdAt: string }
    | { __typename: 'MessageIdConflictError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string }
   };

export type SendWithFallbackMutationVariables = Exact<{
  businessId: string | number;
  to: string;
  text: string;
  fallback: TemplateInput;
}>;


export type SendWithFallbackMutation = { sendSessionMessage:
    | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, field: string, rule: InputRule }
    | { __typename: 'Message', id: string, connectlyId: string | null, status: MessageStatus, createdAt: string, content:
        | { __typename: 'AttachmentContent' }
        | { __typename: 'ListMessageContent' }
        | { __typename: 'LocationContent' }
        | { __typename: 'MultiProductMessageContent' }
        | { __typename: 'ReplyButtonMessageContent' }
        | { __typename: 'SingleProductMessageContent' }
        | { __typename: 'TemplateContent', template: { name: string, language: string } }
        | { __typename: 'TextContent' }
      , fallback: { reason: FallbackReason, message: string, sessionContent:
          | { __typename: 'AttachmentContent' }
          | { __typename: 'ListMessageContent' }
          | { __typename: 'LocationContent' }
          | { __typename: 'MultiProductMessageContent' }
          | { __typename: 'ReplyButtonMessageContent' }
          | { __typename: 'SingleProductMessageContent' }
          | { __typename: 'TemplateContent' }
          | { __typename: 'TextContent' }
         } | null }
    | { __typename: 'MessageIdConflictError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitQueueFullError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string }
   };

export type StatusChangesSubscriptionVariables = Exact<{
  businessId: string | number;
}>;


export type StatusChangesSubscription = { messageStatusChanged: { status: MessageStatus, deliveryStatus: DeliveryStatus | null, message: { id: string, status: MessageStatus, deliveryStatus: DeliveryStatus | null, updatedAt: string }, event: { status: DeliveryStatus, occurredAt: string } | null } };

export type TemplatesQueryVariables = Exact<{
  businessId: string | number;
  filter?: TemplateFilter | null | undefined;
}>;


export type TemplatesQuery = { templates:
    | { __typename: 'BusinessNotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'TemplateCatalog', fetchedAt: string, stale: boolean, templates: Array<{ name: string, language: string, status: TemplateStatus, category: string | null, parameters: Array<{ name: string, kind: TemplateParameterKind, example: string | null }> }> }
    | { __typename: 'TemplateCatalogUnavailableError', code: ErrorCode, message: string }
   };

export const ConversationMessageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConversationMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConversationMessageFragment, unknown>;
export const ConversationInboundFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConversationInbound"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundTextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ButtonReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buttonId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundAttachmentsContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"caption"},"name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundLocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedInboundContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","alias":{"kind":"Name","value":"unsupportedText"},"name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedBy"}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConversationInboundFragment, unknown>;
export const ConversationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Conversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConversationMessage"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConversationInbound"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConversationMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConversationInbound"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundTextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ButtonReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buttonId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundAttachmentsContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"caption"},"name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundLocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedInboundContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","alias":{"kind":"Name","value":"unsupportedText"},"name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedBy"}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConversationQuery, ConversationQueryVariables>;
export const CustomerActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CustomerActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConversationInbound"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConversationInbound"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundTextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ButtonReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buttonId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListReplyContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundAttachmentsContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"caption"},"name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboundLocationContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedInboundContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","alias":{"kind":"Name","value":"unsupportedText"},"name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedBy"}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CustomerActivitySubscription, CustomerActivitySubscriptionVariables>;
export const SendButtonsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendButtons"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"buttons"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSessionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"recipient"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"content"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"replyButtonMessage"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"buttons"},"value":{"kind":"Variable","name":{"kind":"Name","value":"buttons"}}}]}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConversationMessage"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConversationMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyButtonMessageContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyButtonMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"buttons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SendButtonsMutation, SendButtonsMutationVariables>;
export const MessageHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessageHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MessageHistoryQuery, MessageHistoryQueryVariables>;
export const SendTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendTemplateMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTemplateMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAgainstCatalog"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]}}]}}]} as unknown as DocumentNode<SendTemplateMutation, SendTemplateMutationVariables>;
export const SendTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSessionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"recipient"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"content"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]}}]}}]} as unknown as DocumentNode<SendTextMutation, SendTextMutationVariables>;
export const SendWithFallbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendWithFallback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fallback"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSessionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"recipient"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"content"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"fallbackTemplate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fallback"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fallback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sessionContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]}}]}}]} as unknown as DocumentNode<SendWithFallbackMutation, SendWithFallbackMutationVariables>;
export const StatusChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StatusChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}}]} as unknown as DocumentNode<StatusChangesSubscription, StatusChangesSubscriptionVariables>;
export const TemplatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Templates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"templates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TemplateCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fetchedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"templates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"example"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TemplatesQuery, TemplatesQueryVariables>;