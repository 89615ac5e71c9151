/** The stores over the database, each wrapped in spans when tracing is on. */
import type { CustomerStore } from "../persistence/customers.js";
import { createCustomerStore } from "../persistence/customers.js";
import { createConversationStore, type ConversationStore } from "../persistence/conversations.js";
import { createCustomerListStore, type CustomerListStore } from "../persistence/customer-list.js";
import { createMessageCountStore, type MessageCountStore } from "../persistence/message-counts.js";
import type { Database } from "../persistence/database.js";
import { createMessageStore, type MessageStore } from "../persistence/messages.js";
import { createInboundMessageStore, type InboundMessageStore } from "../persistence/inbound-messages.js";
import { createRejectedWebhookStore, type RejectedWebhookStore } from "../persistence/rejected-webhooks.js";
import { createStatusEventStore, type StatusEventStore } from "../persistence/status-events.js";
import { createTemplateCatalogStore, type TemplateCatalogStore } from "../persistence/template-catalogs.js";
import { traceStore } from "../tracing/tracing.js";

export interface Stores {
  readonly messages: MessageStore;
  readonly statusEvents: StatusEventStore;
  readonly customers: CustomerStore;
  readonly inboundMessages: InboundMessageStore;
  readonly conversations: ConversationStore;
  readonly customerList: CustomerListStore;
  readonly messageCounts: MessageCountStore;
  readonly rejected: RejectedWebhookStore;
  readonly templateCatalogs: TemplateCatalogStore;
}

export function createStores(database: Database, traced: boolean): Stores {
  const traceIf = <T extends object>(name: string, store: T): T => (traced ? traceStore(name, store) : store);
  return {
    messages: traceIf("messages", createMessageStore(database.prisma, database.direct)),
    statusEvents: traceIf("status_events", createStatusEventStore(database.prisma, database.direct)),
    customers: traceIf("customers", createCustomerStore(database.prisma)),
    inboundMessages: traceIf("inbound_messages", createInboundMessageStore(database.prisma)),
    conversations: traceIf("conversations", createConversationStore(database.prisma)),
    customerList: traceIf("customer_list", createCustomerListStore(database.prisma)),
    messageCounts: traceIf("message_counts", createMessageCountStore(database.prisma)),
    rejected: createRejectedWebhookStore(database.prisma),
    templateCatalogs: traceIf("template_catalogs", createTemplateCatalogStore(database.prisma)),
  };
}
