/** Webhook bodies refused as malformed or unrecognised, kept so an operator can see what came. */
import type { PrismaClient } from "./generated/prisma/client.js";

export interface RejectedWebhook {
  readonly reason: string;
  readonly body: string;
  readonly contentType: string | null;
  readonly businessId: string | null;
}

export interface RejectedWebhookStore {
  record(rejected: RejectedWebhook): Promise<void>;
}

export function createRejectedWebhookStore(prisma: PrismaClient): RejectedWebhookStore {
  return {
    async record(rejected) {
      // NUL cannot be stored in a PostgreSQL text column; everything else is kept as received.
      await prisma.rejectedWebhook.create({ data: { ...rejected, body: rejected.body.replaceAll("\u0000", "\uFFFD") } });
    },
  };
}
