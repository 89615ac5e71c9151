/**
 * Rows written straight into a test gateway's database, for reads over volume and exact times that
 * sending through the sandbox cannot give (same-millisecond ties, times in the past, every status).
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../src/persistence/generated/prisma/client.js";
import type { DeliveryStatus, MessageStatus } from "../../src/persistence/generated/prisma/enums.js";

export interface SeedMessage {
  readonly id: string;
  readonly businessId: string;
  readonly recipientId: string;
  readonly createdAt: Date;
  readonly messageId?: string;
  readonly status?: MessageStatus;
  readonly deliveryStatus?: DeliveryStatus | null;
  readonly campaignName?: string | null;
}

export interface SeedInbound {
  readonly businessId: string;
  readonly customerId: string;
  readonly occurredAt: Date;
  readonly inReplyToId?: string | null;
  /** The Connectly id the event named, for a reply stored before the gateway linked it. */
  readonly replyToConnectlyId?: string | null;
  readonly text?: string;
}

/** Inserts Message rows (text content, ACCEPTED unless given). */
export async function seedMessages(prisma: PrismaClient, messages: readonly SeedMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await prisma.message.createMany({
    data: messages.map((m) => ({
      id: m.id,
      businessId: m.businessId,
      messageId: m.messageId ?? m.id,
      recipientId: m.recipientId,
      contentType: "TEXT" as const,
      content: { text: `message ${m.id}` },
      requestBody: {},
      status: m.status ?? "ACCEPTED",
      deliveryStatus: m.deliveryStatus ?? null,
      campaignName: m.campaignName ?? null,
      createdAt: m.createdAt,
      updatedAt: m.createdAt,
    })),
  });
}

let inboundSeq = 0;

/** Inserts InboundMessage rows in the order given; returns their ids (decimal), in that order. */
export async function seedInbound(prisma: PrismaClient, messages: readonly SeedInbound[]): Promise<string[]> {
  const ids: string[] = [];
  // One at a time, so the ids follow the order given (not the times).
  for (const m of messages) {
    const text = m.text ?? `inbound ${inboundSeq++}`;
    const row = await prisma.inboundMessage.create({
      data: {
        bodyHash: createHash("sha256").update(`${m.businessId}|${m.customerId}|${text}|${inboundSeq++}`).digest("hex"),
        businessId: m.businessId,
        businessNumber: "+16044440000",
        customerId: m.customerId,
        kind: "TEXT",
        content: { text },
        text,
        inReplyToId: m.inReplyToId ?? null,
        replyToConnectlyId: m.replyToConnectlyId ?? null,
        occurredAt: m.occurredAt,
        raw: {},
      },
      select: { id: true },
    });
    ids.push(String(row.id));
  }
  return ids;
}

/** Inserts (or replaces) a customer's session row. */
export async function seedSession(
  prisma: PrismaClient,
  session: { businessId: string; customerId: string; lastInboundAt: Date; windowClosedAt?: Date | null; name?: string | null },
): Promise<void> {
  const data = { customerName: session.name ?? null, lastInboundAt: session.lastInboundAt, windowClosedAt: session.windowClosedAt ?? null };
  await prisma.customerSession.upsert({
    where: { businessId_customerId: { businessId: session.businessId, customerId: session.customerId } },
    create: { businessId: session.businessId, customerId: session.customerId, ...data },
    update: data,
  });
}

/** Whether the test gateway runs on a real PostgreSQL (EXPLAIN plans are only meaningful there). */
export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);
