/**
 * What the resolvers of connection and union types receive (codegen's mappers): the page's rows and
 * a count read only when totalCount is selected.
 */
import type { MessageRow } from "../persistence/messages.js";
import type { CustomerRow } from "../persistence/customers.js";
import type { ConversationEntryRow } from "../persistence/conversations.js";

export interface PageInfoValue {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/** A connection's page: edges with cursors, page info, and its total read on demand. */
export interface ConnectionParent<E> {
  readonly edges: readonly E[];
  readonly pageInfo: PageInfoValue;
  readonly count: () => Promise<number>;
}

export type MessageConnectionParent = ConnectionParent<{ readonly cursor: string; readonly node: MessageRow }>;
export type CustomerConnectionParent = ConnectionParent<{ readonly cursor: string; readonly node: CustomerRow }>;

export interface ConversationEdgeValue {
  readonly cursor: string;
  readonly direction: "OUTBOUND" | "INBOUND";
  readonly at: Date;
  readonly node: ConversationEntryRow;
}

export interface ConversationParent extends ConnectionParent<ConversationEdgeValue> {
  readonly businessId: string;
  readonly customer: CustomerRow;
}
