/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query MessageHistory($businessId: ID!, $first: Int = 20, $after: String) {\n  messages(filter: {businessId: $businessId}, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        status\n        deliveryStatus\n        recipient {\n          id\n        }\n        createdAt\n        updatedAt\n        statusHistory {\n          status\n          occurredAt\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.MessageHistoryDocument,
    "mutation SendText($businessId: ID!, $to: String!, $text: String!) {\n  sendSessionMessage(\n    input: {businessId: $businessId, recipient: {id: $to}, content: {text: $text}}\n  ) {\n    __typename\n    ... on Message {\n      id\n      connectlyId\n      status\n      createdAt\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n    ... on InvalidInputError {\n      field\n      rule\n    }\n  }\n}": typeof types.SendTextDocument,
    "subscription StatusChanges($businessId: ID!) {\n  messageStatusChanged(businessId: $businessId) {\n    status\n    deliveryStatus\n    message {\n      id\n      status\n      deliveryStatus\n      updatedAt\n    }\n    event {\n      status\n      occurredAt\n    }\n  }\n}": typeof types.StatusChangesDocument,
};
const documents: Documents = {
    "query MessageHistory($businessId: ID!, $first: Int = 20, $after: String) {\n  messages(filter: {businessId: $businessId}, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        status\n        deliveryStatus\n        recipient {\n          id\n        }\n        createdAt\n        updatedAt\n        statusHistory {\n          status\n          occurredAt\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.MessageHistoryDocument,
    "mutation SendText($businessId: ID!, $to: String!, $text: String!) {\n  sendSessionMessage(\n    input: {businessId: $businessId, recipient: {id: $to}, content: {text: $text}}\n  ) {\n    __typename\n    ... on Message {\n      id\n      connectlyId\n      status\n      createdAt\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n    ... on InvalidInputError {\n      field\n      rule\n    }\n  }\n}": types.SendTextDocument,
    "subscription StatusChanges($businessId: ID!) {\n  messageStatusChanged(businessId: $businessId) {\n    status\n    deliveryStatus\n    message {\n      id\n      status\n      deliveryStatus\n      updatedAt\n    }\n    event {\n      status\n      occurredAt\n    }\n  }\n}": types.StatusChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessageHistory($businessId: ID!, $first: Int = 20, $after: String) {\n  messages(filter: {businessId: $businessId}, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        status\n        deliveryStatus\n        recipient {\n          id\n        }\n        createdAt\n        updatedAt\n        statusHistory {\n          status\n          occurredAt\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query MessageHistory($businessId: ID!, $first: Int = 20, $after: String) {\n  messages(filter: {businessId: $businessId}, first: $first, after: $after) {\n    edges {\n      node {\n        id\n        status\n        deliveryStatus\n        recipient {\n          id\n        }\n        createdAt\n        updatedAt\n        statusHistory {\n          status\n          occurredAt\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendText($businessId: ID!, $to: String!, $text: String!) {\n  sendSessionMessage(\n    input: {businessId: $businessId, recipient: {id: $to}, content: {text: $text}}\n  ) {\n    __typename\n    ... on Message {\n      id\n      connectlyId\n      status\n      createdAt\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n    ... on InvalidInputError {\n      field\n      rule\n    }\n  }\n}"): (typeof documents)["mutation SendText($businessId: ID!, $to: String!, $text: String!) {\n  sendSessionMessage(\n    input: {businessId: $businessId, recipient: {id: $to}, content: {text: $text}}\n  ) {\n    __typename\n    ... on Message {\n      id\n      connectlyId\n      status\n      createdAt\n    }\n    ... on ErrorResult {\n      code\n      message\n    }\n    ... on InvalidInputError {\n      field\n      rule\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription StatusChanges($businessId: ID!) {\n  messageStatusChanged(businessId: $businessId) {\n    status\n    deliveryStatus\n    message {\n      id\n      status\n      deliveryStatus\n      updatedAt\n    }\n    event {\n      status\n      occurredAt\n    }\n  }\n}"): (typeof documents)["subscription StatusChanges($businessId: ID!) {\n  messageStatusChanged(businessId: $businessId) {\n    status\n    deliveryStatus\n    message {\n      id\n      status\n      deliveryStatus\n      updatedAt\n    }\n    event {\n      status\n      occurredAt\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;