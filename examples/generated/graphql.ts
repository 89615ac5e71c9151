/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** The rule an input broke: InvalidInputError.rule, InputIssue.rule, and extensions.rule of a BAD_USER_INPUT error. */
export type InputRule =
  /** More than 1000 inputs in one sendSessionMessages call. */
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
  /** messages(after:) is not a cursor the gateway gave out. */
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
  /** messages(first:) is not 1 to 100. */
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

export type MessageHistoryQueryVariables = Exact<{
  businessId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MessageHistoryQuery = { messages: { edges: Array<{ node: { id: string, status: MessageStatus, deliveryStatus: DeliveryStatus | null, createdAt: string, updatedAt: string, recipient: { id: string }, statusHistory: Array<{ status: DeliveryStatus, occurredAt: string, error: { code: string, message: string } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamRateLimitedError', code: ErrorCode, message: string }
   };

export type StatusChangesSubscriptionVariables = Exact<{
  businessId: string | number;
}>;


export type StatusChangesSubscription = { messageStatusChanged: { status: MessageStatus, deliveryStatus: DeliveryStatus | null, message: { id: string, status: MessageStatus, deliveryStatus: DeliveryStatus | null, updatedAt: string }, event: { status: DeliveryStatus, occurredAt: string } | null } };


export const MessageHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessageHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MessageHistoryQuery, MessageHistoryQueryVariables>;
export const SendTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSessionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"recipient"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"content"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectlyId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]}}]}}]} as unknown as DocumentNode<SendTextMutation, SendTextMutationVariables>;
export const StatusChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StatusChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"businessId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}}]} as unknown as DocumentNode<StatusChangesSubscription, StatusChangesSubscriptionVariables>;