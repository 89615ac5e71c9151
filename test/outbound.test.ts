/**
 * The outbound path end to end over real HTTP: the limiter against a strict sliding-window upstream,
 * retries (429 with Retry-After, 5xx, resets, timeouts) with the same message.id, what the row says
 * when retries run out, the bounded queue's RATE_LIMIT_QUEUE_FULL, crash recovery of PENDING rows,
 * and the batch mutation. Upstream faults come from the sandbox's injectFaults; every test looks only
 * at the sandbox requests carrying its own message ids.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Config } from "../src/config/config.js";
import type { SendSessionMessageInput } from "../src/graphql/generated/types.js";
import { openDatabase, type Database } from "../src/persistence/database.js";
import { createMessageStore, type MessageRow } from "../src/persistence/messages.js";
import { startSandbox, type Fault, type ReceivedRequest, type Sandbox } from "../src/sandbox/sandbox.js";
import { newMessageId } from "../src/sending/ids.js";
import { newMessageRow } from "../src/sending/send-session-message.js";
import { startGateway, type Gateway, type GatewayOptions } from "../src/server/gateway.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway.js";
import { SendSessionMessagesDocument, SendTemplateMessageDocument } from "./generated/graphql.js";
import { execute, expectResult, send, sendAccepted, sendBatch, sendFailing, type SendSessionMessageInput as TestInput } from "./support/send.js";

const HOUR = 60 * 60 * 1000;

let recipientSeq = 0;
/** A recipient number not used by any other test (so the sandbox's windows never interfere). */
const newRecipient = (): string => `+1604888${String(1000 + recipientSeq++)}`;
let messageSeq = 0;
/** A client messageId of its own for each message, to find its requests at the sandbox. */
const newClientId = (label: string): string => `${label}-${messageSeq++}`;

const textInput = (businessId: string, messageId: string, extra: Partial<TestInput> = {}): TestInput => ({
  businessId,
  recipient: { id: newRecipient() },
  content: { text: "Your order has shipped." },
  messageId,
  ...extra,
});

const bodyId = (r: ReceivedRequest): string | undefined => (r.body as { message?: { id?: string } } | null)?.message?.id;
/** The requests the sandbox answered for one message.id, in order. */
const requestsFor = (sandbox: Sandbox, messageId: string): ReceivedRequest[] => sandbox.requests.filter((r) => bodyId(r) === messageId);

/** Holds the next request at the sandbox until the returned release is called (also when the test ends). */
function holdNext(sandbox: Sandbox): () => void {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  onTestFinished(() => release());
  sandbox.injectFaults({ kind: "hold", release: held });
  return release;
}

/** Checks that at most `limit` answered-200 requests fall in any 1-second span (by the sandbox's `at`). */
function expectWithinLimit(requests: readonly ReceivedRequest[], limit: number): void {
  const at = requests.map((r) => r.at).sort((a, b) => a - b);
  for (let i = limit; i < at.length; i++) expect(at[i]! - at[i - limit]!).toBeGreaterThanOrEqual(1000);
}

describe("the limiter against a strict upstream (gateway 20/s, sandbox strict 20/s)", () => {
  const LIMIT = 20;
  let sandbox: Sandbox;
  let gateway: Gateway;
  let database: TestDatabase;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimitPerSecond: LIMIT });
    database = await createTestDatabase("outbound_accuracy");
    const overrides: Partial<Config> = {
      connectly: { mode: "live", baseUrl: sandbox.url, defaultApiKey: sandbox.apiKey, businessApiKeys: new Map() },
      // The gateway and the sandbox share this process's event loop, so a request can reach the sandbox
      // ~150 ms after it was admitted: counting each request until its answer keeps that from mattering.
      outbound: {
        perSecond: LIMIT,
        burst: LIMIT,
        marginMs: 0,
        countUntil: "answer",
        maxQueue: 1000,
        retry: { maxAttempts: 1, deadlineMs: 15_000, minBackoffMs: 10, maxBackoffMs: 100 },
        templateBudget: "shared",
      },
    };
    gateway = await startGateway(testConfig(database.config, overrides)).catch(async (error: unknown) => {
      await database.drop();
      throw error;
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
    await sandbox?.close();
  });

  it("60 concurrent mutations: all ACCEPTED with one call each, zero 429s, never more than 20 in any second", async () => {
    const business = "biz-accuracy";
    // One message first, so the test measures the limiter rather than a cold connection.
    await sendAccepted(gateway, textInput(business, newClientId("warm")));

    const ids = Array.from({ length: 60 }, () => newClientId("accuracy"));
    const started = performance.now();
    const messages = await Promise.all(ids.map((id) => sendAccepted(gateway, textInput(business, id))));
    const elapsed = performance.now() - started;

    expect(messages.map((m) => m.messageId)).toEqual(ids);
    expect(messages.every((m) => m.attempts === 1)).toBe(true);
    expect(sandbox.requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(sandbox.requests).toHaveLength(61);
    expect(new Set(sandbox.requests.map(bodyId)).size).toBe(61);
    expectWithinLimit(sandbox.requests, LIMIT);
    // 61 at 20 per window: not before three windows after the first (how fast is bench:send's to say).
    expect(elapsed).toBeGreaterThanOrEqual(2000);
  });
});

describe("retries (3 attempts at most, headers timeout 400 ms)", () => {
  let t: TestGateway;
  const business = "biz-retry";
  beforeAll(async () => {
    t = await startTestGateway(
      "outbound_retry",
      {
        connectlyHttp: { connectTimeoutMs: 2_000, headersTimeoutMs: 400, bodyTimeoutMs: 400, connections: 8 },
        outbound: {
          perSecond: 200,
          burst: 200,
          marginMs: 0,
          countUntil: "answer",
          maxQueue: 100,
          retry: { maxAttempts: 3, deadlineMs: 8_000, minBackoffMs: 10, maxBackoffMs: 50 },
          templateBudget: "shared",
        },
      },
      // Its crash-recovery tests make stale rows and run recover() themselves.
      { recoverOnSchedule: false },
    );
  });
  afterAll(() => t?.close());

  const row = (messageId: string) =>
    t.gateway.database.prisma.message.findUniqueOrThrow({ where: { businessId_messageId: { businessId: business, messageId } } });

  /** Sends one message after injecting `faults`; expects ACCEPTED on the second call with the same message.id. */
  async function acceptedOnSecondAttempt(faults: Fault[], label: string) {
    const id = newClientId(label);
    t.sandbox.injectFaults(...faults);
    const message = await sendAccepted(t, textInput(business, id));
    expect(message.attempts).toBe(2);
    const stored = await row(id);
    expect(stored.status).toBe("ACCEPTED");
    expect(stored.attempts).toBe(2);
    expect(stored.lastAttemptError).toEqual(expect.any(String));
    expect(stored.errorCode).toBeNull();
    const requests = requestsFor(t.sandbox, id);
    expect(stored.connectlyId).toBe(requests.at(-1)!.id);
    return { id, stored, requests };
  }

  it("429 with Retry-After: 1: waits a second, then ACCEPTED on the second call", async () => {
    const { requests, stored } = await acceptedOnSecondAttempt([{ kind: "status", status: 429, headers: { "retry-after": "1" } }], "retry-429");
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(990);
    expect(requests[1]!.at - requests[0]!.at).toBeLessThan(2000);
    expect(stored.lastAttemptError).toMatch(/rate limit/i);
  });

  it("500: ACCEPTED on the second call, same message.id", async () => {
    const { requests, stored } = await acceptedOnSecondAttempt([{ kind: "status", status: 500 }], "retry-500");
    expect(requests.map((r) => r.status)).toEqual([500, 200]);
    expect(stored.lastAttemptError).toMatch(/HTTP 500/);
    expect(requests.map((r) => r.body)).toEqual([stored.requestBody, stored.requestBody]);
  });

  it("a connection reset: ACCEPTED on the second call, same message.id", async () => {
    const { requests, stored } = await acceptedOnSecondAttempt([{ kind: "reset" }], "retry-reset");
    expect(requests.map((r) => r.status)).toEqual([0, 200]);
    expect(stored.lastAttemptError).toMatch(/could not be reached/);
    expect(requests.map((r) => r.body)).toEqual([stored.requestBody, stored.requestBody]);
  });

  it("a timeout: the held call times out, the second is ACCEPTED; both carried the same message.id", async () => {
    const bodies: unknown[] = [];
    const onArrived = (_business: string, body: unknown): void => void bodies.push(body);
    t.sandbox.events.on("arrived", onArrived);
    onTestFinished(() => void t.sandbox.events.off("arrived", onArrived));
    const release = holdNext(t.sandbox);

    const id = newClientId("retry-timeout");
    const message = await sendAccepted(t, textInput(business, id));
    expect(message.attempts).toBe(2);
    const stored = await row(id);
    expect(stored.attempts).toBe(2);
    expect(stored.lastAttemptError).toMatch(/no answer came in time/);
    expect(bodies).toEqual([stored.requestBody, stored.requestBody]);
    // Only the second call has been answered; the first is still held.
    expect(requestsFor(t.sandbox, id).map((r) => r.status)).toEqual([200]);
    expect(stored.connectlyId).toBe(requestsFor(t.sandbox, id)[0]!.id);

    release(); // answered late, as a duplicate of the second call (same message.id), to a closed connection
  });

  it("500 three times: UPSTREAM_UNAVAILABLE, UNCONFIRMED with attempts 3 and lastAttemptError", async () => {
    const id = newClientId("exhaust-500");
    t.sandbox.injectFaults(...Array.from({ length: 3 }, (): Fault => ({ kind: "status", status: 500 })));
    const error = await sendFailing(t, textInput(business, id), "UpstreamError");
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", unconfirmed: true, failedMessage: { messageId: id, status: "UNCONFIRMED", attempts: 3 } });
    expect(error.message).toMatch(/HTTP 500.*may have been accepted/);
    const stored = await row(id);
    expect(stored.id).toBe(error.failedMessage.id);
    expect(stored).toMatchObject({ status: "UNCONFIRMED", errorCode: "UPSTREAM_UNAVAILABLE", upstreamStatus: 500, attempts: 3, connectlyId: null });
    expect(stored.lastAttemptError).toMatch(/HTTP 500/);
    expect(requestsFor(t.sandbox, id).map((r) => r.status)).toEqual([500, 500, 500]);
  });

  it("timeouts three times: UPSTREAM_UNAVAILABLE, UNCONFIRMED with attempts 3", async () => {
    const releases = [holdNext(t.sandbox), holdNext(t.sandbox), holdNext(t.sandbox)];
    let arrived = 0;
    const onArrived = (): void => void arrived++;
    t.sandbox.events.on("arrived", onArrived);
    onTestFinished(() => void t.sandbox.events.off("arrived", onArrived));

    const id = newClientId("exhaust-timeout");
    const error = await sendFailing(t, textInput(business, id), "UpstreamError");
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", unconfirmed: true, upstream: { status: null } });
    expect(error.message).toMatch(/no answer came in time/);
    const stored = await row(id);
    expect(stored.id).toBe(error.failedMessage.id);
    expect(stored).toMatchObject({ status: "UNCONFIRMED", errorCode: "UPSTREAM_UNAVAILABLE", upstreamStatus: null, attempts: 3 });
    expect(stored.lastAttemptError).toMatch(/no answer came in time/);
    expect(arrived).toBe(3);
    for (const release of releases) release();
  });

  it("503 three times: UPSTREAM_UNAVAILABLE, FAILED (503 says the request was not taken) with attempts 3", async () => {
    const id = newClientId("exhaust-503");
    t.sandbox.injectFaults(...Array.from({ length: 3 }, (): Fault => ({ kind: "status", status: 503 })));
    const error = await sendFailing(t, textInput(business, id), "UpstreamError");
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", unconfirmed: false, failedMessage: { status: "FAILED" }, upstream: { status: 503 } });
    const stored = await row(id);
    expect(stored).toMatchObject({ status: "FAILED", errorCode: "UPSTREAM_UNAVAILABLE", upstreamStatus: 503, attempts: 3 });
    expect(stored.lastAttemptError).toMatch(/HTTP 503/);
    expect(requestsFor(t.sandbox, id).map((r) => r.status)).toEqual([503, 503, 503]);
  });

  it("400: not retried, FAILED with attempts 1", async () => {
    const id = newClientId("no-retry-400");
    t.sandbox.injectFaults({
      kind: "status",
      status: 400,
      body: { error: { type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_X", message: "recipient is not on WhatsApp" } },
    });
    const error = await sendFailing(t, textInput(business, id), "UpstreamError");
    expect(error).toMatchObject({
      code: "UPSTREAM_REJECTED",
      unconfirmed: false,
      upstream: { status: 400, code: "ERROR_CODE_X", message: "recipient is not on WhatsApp" },
    });
    const stored = await row(id);
    expect(stored).toMatchObject({ status: "FAILED", errorCode: "UPSTREAM_REJECTED", upstreamStatus: 400, attempts: 1 });
    expect(requestsFor(t.sandbox, id).map((r) => r.status)).toEqual([400]);
  });

  it("a 500 then a 400: the refusal settles it, FAILED (not UNCONFIRMED) with attempts 2", async () => {
    const id = newClientId("500-then-400");
    t.sandbox.injectFaults({ kind: "status", status: 500 }, { kind: "status", status: 400 });
    const error = await sendFailing(t, textInput(business, id), "UpstreamError");
    expect(error).toMatchObject({ code: "UPSTREAM_REJECTED", unconfirmed: false, failedMessage: { status: "FAILED", attempts: 2 } });
    const stored = await row(id);
    expect(stored).toMatchObject({ status: "FAILED", upstreamStatus: 400, attempts: 2 });
    expect(requestsFor(t.sandbox, id).map((r) => r.status)).toEqual([500, 400]);
  });

  describe("crash recovery", () => {
    const recoveryBusiness = "biz-recover";

    /**
     * A row as a gateway that died mid-send leaves it: attempts 1, PENDING (or `status`), last touched
     * at `touchedAt`, in `database` (the test gateway's by default).
     */
    async function pendingRow(
      touchedAt: Date,
      {
        recipientId = newRecipient(),
        database = t.gateway.database,
        status = "PENDING",
      }: { recipientId?: string; database?: Database; status?: "PENDING" | "ACCEPTED" } = {},
    ): Promise<MessageRow> {
      const input = { businessId: recoveryBusiness, recipient: { id: recipientId }, content: { text: "Sent before the crash" } } as SendSessionMessageInput;
      const created = await createMessageStore(database.prisma).createPending(newMessageRow(input, newMessageId()));
      if (!created.created) throw new Error("expected a new row");
      await database.prisma
        .$executeRaw`UPDATE "Message" SET "status" = CAST(${status} AS "MessageStatus"), "updatedAt" = ${touchedAt} WHERE "id" = ${created.row.id}`;
      return created.row;
    }

    it("runs by itself at start-up (unless told not to): a row a crashed process left PENDING is resolved without recover()", async () => {
      const db = await createTestDatabase("outbound_startup_recovery");
      onTestFinished(() => db.drop());
      const crashed = await openDatabase(db.config);
      const left = await pendingRow(new Date(Date.now() - HOUR), { database: crashed });
      await crashed.close(); // the embedded database takes one process at a time
      const stateAfter = async (options: GatewayOptions): Promise<{ status: string; attempts: number }> => {
        const gateway = await startGateway(testConfig(db.config), options);
        // Shutting down waits for the start-up pass to finish.
        await gateway.close();
        const database = await openDatabase(db.config);
        try {
          return await database.prisma.message.findUniqueOrThrow({ where: { id: left.id }, select: { status: true, attempts: true } });
        } finally {
          await database.close();
        }
      };
      expect(await stateAfter({ recoverOnSchedule: false })).toEqual({ status: "PENDING", attempts: 1 });
      expect(await stateAfter({})).toEqual({ status: "ACCEPTED", attempts: 2 });
    });

    it("finds only PENDING rows last touched before the cutoff, the oldest first, at most the batch (the gateway's own reads)", async () => {
      // A database of its own: no gateway's recovery sweep may claim these rows while the test reads them.
      const db = await createTestDatabase("outbound_stale_pending");
      onTestFinished(() => db.drop());
      const database = await openDatabase(db.config);
      onTestFinished(() => database.close());
      const store = createMessageStore(database.prisma, database.direct);
      const day = (d: number) => new Date(Date.UTC(2001, 0, d));
      const oldest = await pendingRow(day(1), { database });
      const second = await pendingRow(day(2), { database });
      const third = await pendingRow(day(3), { database });
      await pendingRow(day(4), { database, status: "ACCEPTED" });
      await pendingRow(day(20), { database });
      const cutoff = day(15);
      expect((await store.findStalePending(cutoff, 2)).map((r) => r.id)).toEqual([oldest.id, second.id]);
      const all = await store.findStalePending(cutoff, 10);
      expect(all.map((r) => r.id)).toEqual([oldest.id, second.id, third.id]);
      expect(all[0]).toMatchObject({ status: "PENDING", updatedAt: day(1), requestBody: oldest.requestBody, attempts: 1 });
    });

    it("re-sends stale PENDING rows once with the same message.id: ACCEPTED, or FAILED with INTERRUPTED; a recent row is left alone", async () => {
      const prisma = t.gateway.database.prisma;
      const longAgo = new Date(Date.now() - HOUR);
      const plain = await pendingRow(longAgo);
      // This one did reach Connectly before the crash: the sandbox already has its message.id.
      const delivered = await pendingRow(longAgo);
      const before = await fetch(`${t.sandbox.url}/v1/businesses/${recoveryBusiness}/send/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": t.sandbox.apiKey },
        body: JSON.stringify(delivered.requestBody),
      });
      expect(before.status).toBe(200);
      const { id: connectlyIdBefore } = (await before.json()) as { id: string };
      // This one's customer has not written for 25 hours: Connectly refuses it.
      const closedCustomer = newRecipient();
      t.sandbox.recordInbound(recoveryBusiness, closedCustomer, Date.now() - 25 * HOUR);
      const refused = await pendingRow(longAgo, { recipientId: closedCustomer });
      // A send still in progress (touched after the cutoff).
      const recent = await pendingRow(new Date());

      const report = await t.gateway.recover(new Date(Date.now() - 10 * 60 * 1000));
      expect(report).toEqual({ recovered: 3, accepted: 2, failed: 1 });

      const plainRow = await prisma.message.findUniqueOrThrow({ where: { id: plain.id } });
      expect(plainRow).toMatchObject({ status: "ACCEPTED", attempts: 2, errorCode: null });
      expect(requestsFor(t.sandbox, plain.messageId).map((r) => [r.status, r.body])).toEqual([[200, plain.requestBody]]);
      expect(plainRow.connectlyId).toBe(requestsFor(t.sandbox, plain.messageId)[0]!.id);

      const deliveredRow = await prisma.message.findUniqueOrThrow({ where: { id: delivered.id } });
      expect(deliveredRow).toMatchObject({ status: "ACCEPTED", attempts: 2, connectlyId: connectlyIdBefore });
      expect(requestsFor(t.sandbox, delivered.messageId).map((r) => r.id)).toEqual([connectlyIdBefore, connectlyIdBefore]);

      const refusedRow = await prisma.message.findUniqueOrThrow({ where: { id: refused.id } });
      expect(refusedRow).toMatchObject({ status: "FAILED", errorCode: "INTERRUPTED", upstreamStatus: 400, attempts: 2, connectlyId: null });
      expect(refusedRow.errorMessage).toMatch(/gateway stopped while sending.*24-hour session window is closed/);
      expect(refusedRow.lastAttemptError).toEqual(expect.any(String));
      expect(requestsFor(t.sandbox, refused.messageId).map((r) => r.status)).toEqual([400]);

      const recentRow = await prisma.message.findUniqueOrThrow({ where: { id: recent.id } });
      expect(recentRow).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(requestsFor(t.sandbox, recent.messageId)).toEqual([]);

      // Nothing left to do for the same cutoff.
      expect(await t.gateway.recover(new Date(Date.now() - 10 * 60 * 1000))).toEqual({ recovered: 0, accepted: 0, failed: 0 });
    });

    it("a recovery attempt answered 500 (and not retried): UNCONFIRMED with INTERRUPTED", async () => {
      const prisma = t.gateway.database.prisma;
      const stale = await pendingRow(new Date(Date.now() - HOUR));
      t.sandbox.injectFaults({ kind: "status", status: 500 });
      const report = await t.gateway.recover(new Date(Date.now() - 10 * 60 * 1000));
      expect(report).toEqual({ recovered: 1, accepted: 0, failed: 1 });
      const stored = await prisma.message.findUniqueOrThrow({ where: { id: stale.id } });
      expect(stored).toMatchObject({ status: "UNCONFIRMED", errorCode: "INTERRUPTED", upstreamStatus: 500, attempts: 2 });
      // One recovery call only, though the gateway retries 500s for ordinary sends.
      expect(requestsFor(t.sandbox, stale.messageId).map((r) => r.status)).toEqual([500]);
    });
  });

  describe("the batch mutation sendSessionMessages", () => {
    const batchBusiness = "biz-batch";

    it("5 inputs, #1 invalid and #3 refused upstream: one result per input in order, 3 accepted and 2 failed", async () => {
      const closedCustomer = newRecipient();
      t.sandbox.recordInbound(batchBusiness, closedCustomer, Date.now() - 25 * HOUR);
      const ids = [0, 1, 2, 3, 4].map(() => newClientId("batch"));
      const recipients: Record<number, string> = { 1: "604-555-0100", 3: closedCustomer };
      const inputs = ids.map((id, i) => textInput(batchBusiness, id, recipients[i] ? { recipient: { id: recipients[i] } } : {}));

      const { results, acceptedCount, failedCount } = await sendBatch(t, inputs);
      expect(acceptedCount).toBe(3);
      expect(failedCount).toBe(2);
      expect(results.map((r) => r.__typename)).toEqual(["Message", "InvalidInputError", "Message", "SessionWindowClosedError", "Message"]);
      for (const i of [0, 2, 4]) expect(results[i]).toMatchObject({ messageId: ids[i], status: "ACCEPTED", attempts: 1 });

      const invalid = expectResult(results[1]!, "InvalidInputError");
      expect(invalid).toMatchObject({ code: "BAD_USER_INPUT", field: "inputs[1].recipient.id", rule: expect.stringMatching(/E164/) });
      expect(invalid.message).toMatch(/E\.164/);
      const closed = expectResult(results[3]!, "SessionWindowClosedError");
      expect(closed).toMatchObject({
        code: "SESSION_WINDOW_CLOSED",
        failedMessage: { messageId: ids[3], status: "FAILED", attempts: 1, error: { code: "SESSION_WINDOW_CLOSED", upstreamStatus: 400 } },
        // The gateway has had no message from this customer (only the sandbox has), so it knows no open window.
        sessionWindow: { open: false },
      });
      expect(closed.message).toMatch(/template message/);

      // The invalid input was neither stored nor sent; the others were sent once each.
      const prisma = t.gateway.database.prisma;
      expect(await prisma.message.count({ where: { businessId: batchBusiness, messageId: ids[1] } })).toBe(0);
      expect(requestsFor(t.sandbox, ids[1]!)).toEqual([]);
      for (const i of [0, 2, 4]) expect(requestsFor(t.sandbox, ids[i]!).map((r) => r.status)).toEqual([200]);
      expect(requestsFor(t.sandbox, ids[3]!).map((r) => r.status)).toEqual([400]);
    });

    it("1001 inputs: BAD_USER_INPUT with rule BATCH_SIZE, nothing stored or sent", async () => {
      const prisma = t.gateway.database.prisma;
      const sentBefore = t.sandbox.requests.length;
      const storedBefore = await prisma.message.count();
      const inputs = Array.from({ length: 1001 }, () => ({ businessId: batchBusiness, recipient: { id: "+16045550100" }, content: { text: "hi" } }));
      const response = await execute(t, SendSessionMessagesDocument, { inputs });
      expect(response.data ?? null).toBeNull();
      expect(response.errors).toHaveLength(1);
      const error = response.errors![0]!;
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "BATCH_SIZE", field: "inputs" });
      expect(error.message).toMatch(/1001.*1000/);
      expect(t.sandbox.requests.length).toBe(sentBefore);
      expect(await prisma.message.count()).toBe(storedBefore);
    });

    it("exactly 1000 inputs is not refused for its size", async () => {
      // Invalid inputs keep this cheap: each fails validation alone, nothing is sent.
      const sentBefore = t.sandbox.requests.length;
      const inputs = Array.from({ length: 1000 }, () => ({ businessId: batchBusiness, recipient: { id: "not-a-number" }, content: { text: "hi" } }));
      const { results, acceptedCount, failedCount } = await sendBatch(t, inputs);
      expect([acceptedCount, failedCount, results.length]).toEqual([0, 1000, 1000]);
      expect(results[999]).toMatchObject({ __typename: "InvalidInputError", code: "BAD_USER_INPUT", field: "inputs[999].recipient.id" });
      expect(t.sandbox.requests.length).toBe(sentBefore);
    });
  });
});

describe("the bounded queue (1 per second, deadline 500 ms)", () => {
  let t: TestGateway;
  const business = "biz-queue";
  beforeAll(async () => {
    t = await startTestGateway("outbound_queue", {
      outbound: {
        perSecond: 1,
        burst: 1,
        marginMs: 0,
        countUntil: "answer",
        maxQueue: 1,
        retry: { maxAttempts: 3, deadlineMs: 500, minBackoffMs: 10, maxBackoffMs: 50 },
        templateBudget: "shared",
      },
    });
  });
  afterAll(() => t?.close());

  it("a message that cannot get a slot before its deadline: RATE_LIMIT_QUEUE_FULL, nothing sent, FAILED with attempts 0", async () => {
    const first = newClientId("queue");
    await sendAccepted(t, textInput(business, first));

    // The window's one slot is taken for the next second; the deadline is half a second away.
    const second = newClientId("queue");
    const result = await send(t, textInput(business, second));
    const error = expectResult(result, "RateLimitQueueFullError");
    expect(error).toMatchObject({ code: "RATE_LIMIT_QUEUE_FULL", unconfirmed: false, failedMessage: { messageId: second, status: "FAILED", attempts: 0 } });
    expect(error.message).toMatch(/try again/i);

    const stored = await t.gateway.database.prisma.message.findUniqueOrThrow({ where: { id: error.failedMessage.id } });
    expect(stored).toMatchObject({
      messageId: second,
      status: "FAILED",
      errorCode: "RATE_LIMIT_QUEUE_FULL",
      attempts: 0,
      upstreamStatus: null,
      connectlyId: null,
    });
    expect(stored.errorMessage).toBe(error.message);
    expect(requestsFor(t.sandbox, second)).toEqual([]);
    expect(requestsFor(t.sandbox, first).map((r) => r.status)).toEqual([200]);
    expect(t.gateway.limiter.queued()).toBe(0);
  });
});

describe("one budget for session and template sends (CONNECTLY_TEMPLATE_RATE_LIMIT=shared, 20 per second)", () => {
  const LIMIT = 20;
  let sandbox: Sandbox;
  let gateway: Gateway;
  let database: TestDatabase;

  beforeAll(async () => {
    // The sandbox counts both endpoints in one window per key, as Connectly may.
    sandbox = await startSandbox({ rateLimitPerSecond: LIMIT });
    database = await createTestDatabase("outbound_shared_budget");
    gateway = await startGateway(
      testConfig(database.config, {
        connectly: { mode: "live", baseUrl: sandbox.url, defaultApiKey: sandbox.apiKey, businessApiKeys: new Map() },
        outbound: {
          perSecond: LIMIT,
          burst: LIMIT,
          marginMs: 0,
          countUntil: "answer",
          maxQueue: 1000,
          retry: { maxAttempts: 1, deadlineMs: 15_000, minBackoffMs: 10, maxBackoffMs: 100 },
          templateBudget: "shared",
        },
      }),
    ).catch(async (error: unknown) => {
      await database.drop();
      throw error;
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
    await sandbox?.close();
  });

  it("30 session and 30 template sends at once: all ACCEPTED, zero 429s, never more than 20 of both in any second", async () => {
    const business = "biz-shared-budget";
    const template = (i: number) => ({
      businessId: business,
      recipient: { id: `+551198800${String(1000 + i)}` },
      template: { name: "thanks", language: "en" },
      messageId: newClientId("tpl"),
    });
    const results = await Promise.all([
      ...Array.from({ length: 30 }, () => sendAccepted(gateway, textInput(business, newClientId("session")))),
      ...Array.from({ length: 30 }, async (_, i) => {
        const response = await execute(gateway, SendTemplateMessageDocument, { input: template(i) });
        expect(response.errors).toBeUndefined();
        return response.data!.sendTemplateMessage;
      }),
    ]);
    expect(results.map((r) => ("status" in r ? r.status : r.__typename))).toEqual(Array.from({ length: 60 }, () => "ACCEPTED"));
    expect(sandbox.requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(sandbox.requests.filter((r) => r.endpoint === "template")).toHaveLength(30);
    // The catalog read counts in the same window too.
    expectWithinLimit(sandbox.requests, LIMIT);
  });
});
