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
  readonly attempts: number;
  /** FAILED, or UNCONFIRMED when Connectly may have the message after all. */
  readonly status: "FAILED" | "UNCONFIRMED";
}

export type CreateResult = { readonly created: true; readonly row: MessageRow } | { readonly created: false; readonly existing: MessageRow };

export interface MessageStore {
  /**
   * Inserts a PENDING row with attempts 1 (its first call follows at once); when (businessId,
   * messageId) exists already, returns that row instead. `attempts` counts calls started.
   */
  createPending(message: NewMessage): Promise<CreateResult>;
  /** Moves a FAILED or UNCONFIRMED row back to PENDING (counting the call to come); null when someone else already did. */
  reopenFailed(id: string): Promise<MessageRow | null>;
  /** Records a failed attempt while retries go on. */
  recordAttempt(id: string, attempts: number, error: string): Promise<void>;
  /** Marks a PENDING row (as this process holds it) ACCEPTED; returns the row as stored. */
  markAccepted(row: MessageRow, connectlyId: string, upstreamStatus: number, attempts: number): Promise<MessageRow>;
  /** Marks a PENDING row (as this process holds it) FAILED or UNCONFIRMED; returns the row as stored. */
  markFailed(row: MessageRow, failure: FailureRecord): Promise<MessageRow>;
  findById(id: string): Promise<MessageRow | null>;
  /** PENDING rows untouched since `before`: candidates for crash recovery, oldest first. */
  findStalePending(before: Date, limit: number): Promise<MessageRow[]>;
  /** Claims a stale PENDING row for recovery (touching it, counting the call to come); false when another process claimed it first. */
  claimStale(id: string, before: Date): Promise<boolean>;
}

export function createMessageStore(prisma: PrismaClient): MessageStore {
  return {
    // The two writes of every send (PENDING before the call, the outcome after it) are single
    // statements built here: Prisma's query compiler costs more than the round trip on this path
    // (about 1.5 ms against 0.9 ms per write, measured). The row returned is the row written.
    async createPending(message) {
      const now = new Date();
      const inserted = await prisma.$executeRaw`
        INSERT INTO "Message" ("id", "businessId", "messageId", "clientMessageId", "status", "recipientId", "recipientUserId",
          "recipientName", "senderId", "senderName", "contentType", "content", "requestBody", "callbackData", "campaignName",
          "orderParentId", "orderStrategy", "attempts", "createdAt", "updatedAt")
        VALUES (${message.id}, ${message.businessId}, ${message.messageId}, ${message.clientMessageId}, 'PENDING', ${message.recipientId},
          ${message.recipientUserId}, ${message.recipientName}, ${message.senderId}, ${message.senderName},
          CAST(${message.contentType} AS "MessageContentType"), CAST(${JSON.stringify(message.content)} AS jsonb),
          CAST(${JSON.stringify(message.requestBody)} AS jsonb),
          CAST(${message.callbackData == null ? null : JSON.stringify(message.callbackData)} AS jsonb), ${message.campaignName},
          ${message.orderParentId}, ${message.orderStrategy}, 1, ${now}, ${now})
        ON CONFLICT ("businessId", "messageId") DO NOTHING`;
      if (inserted === 1) {
        const row: MessageRow = {
          ...message,
          content: message.content as Prisma.JsonValue,
          requestBody: message.requestBody as Prisma.JsonValue,
          callbackData: message.callbackData as Prisma.JsonValue,
          connectlyId: null,
          status: "PENDING",
          errorCode: null,
          errorMessage: null,
          upstreamStatus: null,
          attempts: 1, // the first call follows at once: a crash mid-call must not read "never called"
          lastAttemptError: null,
          createdAt: now,
          updatedAt: now,
        };
        return { created: true, row };
      }
      const existing = await prisma.message.findUnique({
        where: { businessId_messageId: { businessId: message.businessId, messageId: message.messageId } },
      });
      if (!existing) throw new Error(`message ${message.messageId} of ${message.businessId} conflicted but cannot be read`);
      return { created: false, existing };
    },
    async reopenFailed(id) {
      const { count } = await prisma.message.updateMany({
        where: { id, status: { in: ["FAILED", "UNCONFIRMED"] } },
        data: { status: "PENDING", errorCode: null, errorMessage: null, upstreamStatus: null, attempts: { increment: 1 } },
      });
      return count === 1 ? prisma.message.findUnique({ where: { id } }) : null;
    },
    async recordAttempt(id, attempts, error) {
      await prisma.message.update({ where: { id }, data: { attempts, lastAttemptError: error } });
    },
    async markAccepted(row, connectlyId, upstreamStatus, attempts) {
      const updatedAt = new Date();
      await prisma.$executeRaw`
        UPDATE "Message" SET "status" = 'ACCEPTED', "connectlyId" = ${connectlyId}, "upstreamStatus" = ${upstreamStatus},
          "attempts" = ${attempts}, "errorCode" = NULL, "errorMessage" = NULL, "updatedAt" = ${updatedAt}
        WHERE "id" = ${row.id}`;
      return { ...row, status: "ACCEPTED", connectlyId, upstreamStatus, attempts, errorCode: null, errorMessage: null, updatedAt };
    },
    async markFailed(row, failure) {
      const updatedAt = new Date();
      const lastAttemptError = failure.attempts > 0 ? failure.message : row.lastAttemptError;
      await prisma.$executeRaw`
        UPDATE "Message" SET "status" = CAST(${failure.status} AS "MessageStatus"), "errorCode" = ${failure.code},
          "errorMessage" = ${failure.message}, "upstreamStatus" = ${failure.upstreamStatus}, "attempts" = ${failure.attempts},
          "lastAttemptError" = ${lastAttemptError}, "updatedAt" = ${updatedAt}
        WHERE "id" = ${row.id}`;
      return {
        ...row,
        status: failure.status,
        errorCode: failure.code,
        errorMessage: failure.message,
        upstreamStatus: failure.upstreamStatus,
        attempts: failure.attempts,
        lastAttemptError,
        updatedAt,
      };
    },
    findById: (id) => prisma.message.findUnique({ where: { id } }),
    findStalePending: (before, limit) =>
      prisma.message.findMany({ where: { status: "PENDING", updatedAt: { lt: before } }, orderBy: { updatedAt: "asc" }, take: limit }),
    async claimStale(id, before) {
      const { count } = await prisma.message.updateMany({
        where: { id, status: "PENDING", updatedAt: { lt: before } },
        data: { lastAttemptError: "The gateway stopped while sending this message; recovering it.", attempts: { increment: 1 } },
      });
      return count === 1;
    },
  };
}
