/**
 * The message table: rows are written PENDING before the upstream call and updated to ACCEPTED or
 * FAILED after it, so a crash in between leaves a visible PENDING row, never a silent loss.
 */
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { Message, MessageContentType } from "./generated/prisma/client.js";

export type MessageRow = Message;

export interface NewMessage {
  readonly id: string;
  readonly businessId: string;
  readonly messageId: string;
  readonly clientMessageId: boolean;
  readonly recipientId: string;
  readonly recipientUserId: string | null;
  readonly recipientName: string | null;
  readonly senderId: string | null;
  readonly senderName: string | null;
  readonly contentType: MessageContentType;
  readonly content: Prisma.InputJsonValue;
  readonly requestBody: Prisma.InputJsonValue;
  readonly callbackData: Prisma.InputJsonValue | null;
  readonly campaignName: string | null;
  readonly orderParentId: string | null;
  readonly orderStrategy: string | null;
}

export interface FailureRecord {
  readonly code: string;
  readonly message: string;
  readonly upstreamStatus: number | null;
}

export type CreateResult = { readonly created: true; readonly row: MessageRow } | { readonly created: false; readonly existing: MessageRow };

export interface MessageStore {
  /** Inserts a PENDING row; when (businessId, messageId) exists already, returns that row instead. */
  createPending(message: NewMessage): Promise<CreateResult>;
  /** Moves a FAILED row back to PENDING for another attempt; false when someone else already did. */
  reopenFailed(id: string): Promise<MessageRow | null>;
  markAccepted(id: string, connectlyId: string, upstreamStatus: number): Promise<MessageRow>;
  markFailed(id: string, failure: FailureRecord): Promise<MessageRow>;
  findById(id: string): Promise<MessageRow | null>;
}

export function createMessageStore(prisma: PrismaClient): MessageStore {
  return {
    async createPending(message) {
      try {
        const row = await prisma.message.create({
          data: { ...message, callbackData: message.callbackData ?? Prisma.DbNull, status: "PENDING", attempts: 1 },
        });
        return { created: true, row };
      } catch (error) {
        if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
        const existing = await prisma.message.findUnique({
          where: { businessId_messageId: { businessId: message.businessId, messageId: message.messageId } },
        });
        if (!existing) throw error;
        return { created: false, existing };
      }
    },
    async reopenFailed(id) {
      const { count } = await prisma.message.updateMany({
        where: { id, status: "FAILED" },
        data: { status: "PENDING", errorCode: null, errorMessage: null, upstreamStatus: null, attempts: { increment: 1 } },
      });
      return count === 1 ? prisma.message.findUnique({ where: { id } }) : null;
    },
    markAccepted: (id, connectlyId, upstreamStatus) =>
      prisma.message.update({ where: { id }, data: { status: "ACCEPTED", connectlyId, upstreamStatus, errorCode: null, errorMessage: null } }),
    markFailed: (id, failure) =>
      prisma.message.update({
        where: { id },
        data: { status: "FAILED", errorCode: failure.code, errorMessage: failure.message, upstreamStatus: failure.upstreamStatus },
      }),
    findById: (id) => prisma.message.findUnique({ where: { id } }),
  };
}
