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

/**
 * Text a PostgreSQL text column holds: NUL, which it refuses, becomes U+FFFD, and so does an
 * unpaired surrogate (which the driver would otherwise replace on its own); the rest is as given.
 */
const storable = (s: string): string => s.replaceAll("\u0000", "\ufffd").toWellFormed();

export function createRejectedWebhookStore(prisma: PrismaClient): RejectedWebhookStore {
  return {
    async record(rejected) {
      // A refusal must always be kept: a failure here would answer 503 and have Connectly redeliver it forever.
      await prisma.rejectedWebhook.create({
        data: {
          reason: storable(rejected.reason),
          body: storable(rejected.body),
          contentType: rejected.contentType === null ? null : storable(rejected.contentType),
          businessId: rejected.businessId,
        },
      });
    },
  };
}
