/**
 * The session message as the gateway's core knows it. The shapes are generated from the SDL
 * (schema/ is the source of truth) and re-exported here, so validation, the REST mapping and the
 * send path depend on this module rather than on GraphQL's generated code.
 */
export type {
  AttachmentType,
  HeaderAttachmentType,
  HeaderInput,
  InputMaybe,
  MessageContentInput,
  SendSessionMessageInput,
} from "../graphql/generated/types.js";
