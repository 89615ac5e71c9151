/**
 * Webhooks are bound to a business, over real HTTP to a real gateway: the attacker's matrix. Two
 * businesses A and B each have their own webhook secret, and a generic secret serves every other
 * business. An event posted as B (query or path form) for A's message changes nothing of A's and
 * publishes nothing to anyone, yet is answered exactly like a matched one; a secret never speaks for
 * another business; an address must name one business (unless exactly one is configured); inbound
 * messages are deduplicated per business; timestamps more than 5 minutes ahead are refused. Ends
 * with a fast-check property over random businesses, secrets and address forms (FC_RUNS raises
 * the number of runs).
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStatusEventStore } from "../src/persistence/status-events.js";
import type { StatusChange } from "../src/pubsub/pubsub.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { CustomerWindowDocument } from "./generated/graphql.js";
import { readMessage, sendText } from "./support/messages.js";
import { execute } from "./support/send.js";
import {
  deliveryStatusEvent,
  inboundMessageEvent,
  postSignedBody,
  postSignedEvent,
  webhookUrl,
  type AddressForm,
  type WebhookAnswer,
} from "./support/webhooks.js";

const FC_RUNS = Number(process.env.FC_RUNS ?? 25);
const MAX_BYTES = 262_144;
const DAY_S = 24 * 60 * 60;

const run = randomBytes(3).toString("hex");
const A = `biz-ten-a-${run}`;
const B = `biz-ten-b-${run}`;
const SOLO = `biz-ten-solo-${run}`;
const GENERIC = "generic-webhook-secret-0001";
const SECRET_A = "secret-of-business-a-0001";
const SECRET_B = "secret-of-business-b-0001";
const SECRET_SOLO = "secret-of-the-solo-business-0001";

let seq = 0;
const freshCustomer = () => `+1604555${String(1000 + (seq++ % 9000))}`;
const freshConnectlyId = () => `01TEN${String(seq++).padStart(5, "0")}${randomBytes(4).toString("hex").toUpperCase()}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

type Word = "sent" | "delivered" | "read" | "delivery_failed";
const STATUS: Record<Word, string> = { sent: "SENT", delivered: "DELIVERED", read: "READ", delivery_failed: "FAILED" };

const acknowledged = (answer: WebhookAnswer, topic: string, duplicate = false) => expect(answer).toEqual({ status: 200, body: { ok: true, topic, duplicate } });
const refused = (answer: WebhookAnswer, status: number, code: string) => {
  expect(answer.status).toBe(status);
  expect(answer.body.error?.code).toBe(code);
  expect(answer.body.error?.message).toEqual(expect.any(String));
};

/** The helpers of one test gateway. */
function using(get: () => TestGateway) {
  return {
    send: (businessId: string) => sendText(get(), businessId, freshCustomer()),
    message: (id: string) => readMessage(get(), id),
    post: (businessId: string, event: unknown, secret: string | null, form: AddressForm = "query") =>
      postSignedEvent(get().url, businessId, event, { secret, form }),
    events: (connectlyId: string) => get().gateway.database.prisma.messageStatusEvent.findMany({ where: { connectlyId }, orderBy: { id: "asc" } }),
    rejected: (fragment: string) => get().gateway.database.prisma.rejectedWebhook.findMany({ where: { body: { contains: fragment } } }),
    windowOpen: async (businessId: string, customerId: string): Promise<boolean> => {
      const response = await execute(get(), CustomerWindowDocument, { businessId, id: customerId });
      expect(response.errors).toBeUndefined();
      return response.data!.customer.sessionWindow.open;
    },
  };
}

describe("two businesses with their own webhook secrets, and a generic secret for the others", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("webhooks_tenancy", {
      webhooks: {
        secrets: [GENERIC],
        businessSecrets: new Map([
          [A, [SECRET_A]],
          [B, [SECRET_B]],
        ]),
        maxBytes: MAX_BYTES,
      },
    });
  });
  afterAll(() => t?.close());
  const { send, message, post, events, rejected, windowOpen } = using(() => t);
  const next = async (changes: AsyncIterator<StatusChange>) => (await changes.next()).value as StatusChange;

  describe("an event posted as B for A's message", () => {
    it.each(["query", "path"] as const)(
      "(%s form) a signed read leaves A's FAILED message FAILED, its history and every subscriber untouched, and is answered like any event",
      async (form) => {
        const mine = await send(A);
        const theirs = await send(B);
        const at = nowSeconds() - 60;
        const subscriptions = [
          t.gateway.pubsub.subscribe({ messageId: mine.id }),
          t.gateway.pubsub.subscribe({ businessId: A, campaignName: null }),
          t.gateway.pubsub.subscribe({ businessId: B, campaignName: null }),
        ];
        const [ofMessage, ofA, ofB] = subscriptions;
        try {
          acknowledged(await post(A, deliveryStatusEvent(mine.connectlyId, "delivery_failed", "+16045550000", at), SECRET_A, form), "delivery_status");
          for (const changes of [ofMessage!, ofA!])
            expect(await next(changes)).toMatchObject({ message: { id: mine.id, deliveryStatus: "FAILED" }, event: { status: "FAILED" } });

          // The attack: B's own signature, B's own address, A's Connectly id. Acknowledged, as a match would be.
          const spoof = deliveryStatusEvent(mine.connectlyId, "read", "+16045550000", at + 5);
          acknowledged(await post(B, spoof, SECRET_B, form), "delivery_status");
          // Identical to the answer for an id nobody has, and its redelivery is a duplicate like anyone's.
          acknowledged(await post(B, deliveryStatusEvent(freshConnectlyId(), "read", "+16045550000", at + 5), SECRET_B, form), "delivery_status");
          acknowledged(await post(B, spoof, SECRET_B, form), "delivery_status", true);

          const after = await message(mine.id);
          expect(after.deliveryStatus).toBe("FAILED");
          expect(after.statusHistory.map((e) => e.status)).toEqual(["FAILED"]);
          // Kept under B (its send's answer could still be on its way), never as A's.
          expect((await events(mine.connectlyId)).map((e) => [e.businessId, e.status])).toEqual([
            [A, "FAILED"],
            [B, "READ"],
          ]);

          // Nobody was told: the next change each subscriber sees is the next real one.
          acknowledged(await post(A, deliveryStatusEvent(mine.connectlyId, "sent", "+16045550000", at - 5), SECRET_A, form), "delivery_status");
          for (const changes of [ofMessage!, ofA!])
            expect(await next(changes)).toMatchObject({ message: { id: mine.id, deliveryStatus: "FAILED" }, event: { status: "SENT", businessId: A } });
          acknowledged(await post(B, deliveryStatusEvent(theirs.connectlyId, "delivered", "+16045550000", at), SECRET_B, form), "delivery_status");
          expect(await next(ofB!)).toMatchObject({ message: { id: theirs.id, businessId: B }, event: { status: "DELIVERED" } });
          expect((await message(mine.id)).statusHistory.map((e) => e.status)).toEqual(["SENT", "FAILED"]);
        } finally {
          await Promise.all(subscriptions.map(async (s) => s.return?.()));
        }
      },
    );

    it("an event for an unknown id posted as B never attaches to A's message that later gets that id, not even on the re-check", async () => {
      const connectlyId = freshConnectlyId();
      const at = nowSeconds() - 30;
      acknowledged(await post(B, deliveryStatusEvent(connectlyId, "read", "+16045550000", at), SECRET_B), "delivery_status");
      t.sandbox.injectFaults({ kind: "status", status: 200, body: { id: connectlyId } });
      const m = await send(A);
      expect(m.connectlyId).toBe(connectlyId);
      expect(m.deliveryStatus).toBeNull();
      expect(m.statusHistory).toEqual([]);
      // The re-check runs these two for (B, id): they find no message of B's and move nothing.
      const recheck = createStatusEventStore(t.gateway.database.prisma);
      expect(await recheck.advance([{ businessId: B, connectlyId }])).toEqual([]);
      expect(await recheck.messagesByConnectlyId([{ businessId: B, connectlyId }])).toEqual([]);
      expect((await message(m.id)).deliveryStatus).toBeNull();
      // A's own events for it still apply.
      acknowledged(await post(A, deliveryStatusEvent(connectlyId, "sent", "+16045550000", at + 1), SECRET_A), "delivery_status");
      const after = await message(m.id);
      expect(after.deliveryStatus).toBe("SENT");
      expect(after.statusHistory.map((e) => e.status)).toEqual(["SENT"]);
    });
  });

  describe("which secret speaks for which business", () => {
    it.each(["query", "path"] as const)(
      "(%s form) A's secret on B's address, or the generic secret on A's or B's: 401 INVALID_SIGNATURE, nothing stored",
      async (form) => {
        const ofA = await send(A);
        const ofB = await send(B);
        refused(await post(B, deliveryStatusEvent(ofB.connectlyId, "read", "+16045550000"), SECRET_A, form), 401, "INVALID_SIGNATURE");
        refused(await post(A, deliveryStatusEvent(ofA.connectlyId, "read", "+16045550000"), GENERIC, form), 401, "INVALID_SIGNATURE");
        refused(await post(B, deliveryStatusEvent(ofB.connectlyId, "read", "+16045550000"), GENERIC, form), 401, "INVALID_SIGNATURE");
        for (const m of [ofA, ofB]) {
          expect(await events(m.connectlyId)).toEqual([]);
          expect((await message(m.id)).deliveryStatus).toBeNull();
        }
      },
    );

    it("the generic secret speaks for a business without its own, in either form", async () => {
      for (const form of ["query", "path"] as const) {
        const other = `biz-ten-other-${form}-${run}`;
        const m = await send(other);
        acknowledged(await post(other, deliveryStatusEvent(m.connectlyId, "delivered", "+16045550000"), GENERIC, form), "delivery_status");
        expect((await message(m.id)).deliveryStatus).toBe("DELIVERED");
        refused(await post(other, deliveryStatusEvent(m.connectlyId, "read", "+16045550000"), SECRET_A, form), 401, "INVALID_SIGNATURE");
      }
    });
  });

  describe("what the address must say", () => {
    it("no business, with two configured: 400 BUSINESS_REQUIRED whatever the secret, nothing stored or kept", async () => {
      const m = await send(A);
      for (const secret of [SECRET_A, SECRET_B, GENERIC]) {
        refused(
          await postSignedBody(webhookUrl(t.url, A, "none"), JSON.stringify(deliveryStatusEvent(m.connectlyId, "read", "+16045550000")), secret),
          400,
          "BUSINESS_REQUIRED",
        );
      }
      expect(await events(m.connectlyId)).toEqual([]);
      expect(await rejected(m.connectlyId)).toEqual([]);
    });

    it("a repeated businessId, or path and query naming different businesses: 400 AMBIGUOUS_BUSINESS; agreeing forms are fine", async () => {
      const m = await send(A);
      const body = JSON.stringify(deliveryStatusEvent(m.connectlyId, "delivered", "+16045550000"));
      const base = `${t.url}/webhooks/connectly`;
      for (const url of [
        `${base}?businessId=${A}&businessId=${A}`,
        `${base}?businessId=${A}&businessId=${B}`,
        `${base}/${A}?businessId=${B}`,
        `${base}/${B}?businessId=${A}`,
      ]) {
        refused(await postSignedBody(url, body, SECRET_A), 400, "AMBIGUOUS_BUSINESS");
      }
      expect(await events(m.connectlyId)).toEqual([]);
      acknowledged(await postSignedBody(`${base}/${A}?businessId=${A}`, body, SECRET_A), "delivery_status");
      expect((await message(m.id)).deliveryStatus).toBe("DELIVERED");
    });

    it("a malformed business in the path: 400 BAD_REQUEST; the longest valid id (128 characters) is taken", async () => {
      const body = JSON.stringify(deliveryStatusEvent(freshConnectlyId(), "sent", "+16045550000"));
      for (const bad of ["a%20b", "a/b", "b".repeat(129), "", "a%2Fb"]) {
        refused(await postSignedBody(`${t.url}/webhooks/connectly/${bad}`, body, GENERIC), 400, "BAD_REQUEST");
      }
      acknowledged(await postSignedBody(`${t.url}/webhooks/connectly/${"b".repeat(128)}`, body, GENERIC), "delivery_status");
    });
  });

  describe("inbound messages, per business", () => {
    it("the same inbound body for A and B is stored once for each and opens both windows; again for A is a duplicate", async () => {
      const customerId = freshCustomer();
      const body = JSON.stringify(inboundMessageEvent(customerId, nowSeconds() - 10));
      acknowledged(await postSignedBody(webhookUrl(t.url, A), body, SECRET_A), "messages");
      acknowledged(await postSignedBody(webhookUrl(t.url, B, "path"), body, SECRET_B), "messages");
      acknowledged(await postSignedBody(webhookUrl(t.url, A, "path"), body, SECRET_A), "messages", true);
      expect(await windowOpen(A, customerId)).toBe(true);
      expect(await windowOpen(B, customerId)).toBe(true);
      const rows = await t.gateway.database.prisma.inboundMessage.findMany({ where: { customerId }, orderBy: { id: "asc" } });
      expect(rows.map((r) => r.businessId)).toEqual([A, B]);
    });

    it("a body first posted without a business (refused, nothing kept), then with one: stored, and the window opens", async () => {
      const customerId = freshCustomer();
      const body = JSON.stringify(inboundMessageEvent(customerId, nowSeconds() - 10));
      refused(await postSignedBody(webhookUrl(t.url, A, "none"), body, SECRET_A), 400, "BUSINESS_REQUIRED");
      acknowledged(await postSignedBody(webhookUrl(t.url, A), body, SECRET_A), "messages");
      expect(await windowOpen(A, customerId)).toBe(true);
      expect(await windowOpen(B, customerId)).toBe(false);
    });
  });

  describe("timestamps ahead of the gateway's clock", () => {
    it.each([
      ["a year", 365 * DAY_S],
      ["ten minutes", 10 * 60],
    ])("a delivery status %s ahead: 400 EVENT_IN_FUTURE, kept in RejectedWebhook, nothing stored or moved", async (_what, ahead) => {
      const m = await send(A);
      const answer = await post(A, deliveryStatusEvent(m.connectlyId, "read", "+16045550000", nowSeconds() + ahead), SECRET_A);
      refused(answer, 400, "EVENT_IN_FUTURE");
      expect(answer.body.error!.message).toMatch(/ahead of the gateway's clock/);
      expect(await events(m.connectlyId)).toEqual([]);
      expect((await message(m.id)).deliveryStatus).toBeNull();
      const kept = await rejected(m.connectlyId);
      expect(kept.map((r) => [r.businessId, r.reason])).toEqual([[A, answer.body.error!.message]]);
      // Refused again when redelivered, not stored as a new event.
      refused(await post(A, deliveryStatusEvent(m.connectlyId, "read", "+16045550000", nowSeconds() + ahead), SECRET_A), 400, "EVENT_IN_FUTURE");
      expect(await events(m.connectlyId)).toEqual([]);
    });

    it("an inbound message a year ahead: 400 EVENT_IN_FUTURE and the window stays closed", async () => {
      const customerId = freshCustomer();
      refused(await post(A, inboundMessageEvent(customerId, nowSeconds() + 365 * DAY_S), SECRET_A), 400, "EVENT_IN_FUTURE");
      expect(await windowOpen(A, customerId)).toBe(false);
      expect(await t.gateway.database.prisma.inboundMessage.count({ where: { customerId } })).toBe(0);
    });

    it("two minutes ahead (clock skew): accepted, for a status and an inbound message", async () => {
      const m = await send(A);
      acknowledged(await post(A, deliveryStatusEvent(m.connectlyId, "delivered", "+16045550000", nowSeconds() + 120), SECRET_A), "delivery_status");
      expect((await message(m.id)).deliveryStatus).toBe("DELIVERED");
      const customerId = freshCustomer();
      acknowledged(await post(A, inboundMessageEvent(customerId, nowSeconds() + 120), SECRET_A), "messages");
      expect(await windowOpen(A, customerId)).toBe(true);
    });
  });

  describe("fast-check: random businesses, secrets and address forms", () => {
    type Party = { readonly kind: "A" } | { readonly kind: "B" } | { readonly kind: "other"; readonly id: string };
    const otherId = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/).map((s) => `p-${s}`);
    const party: fc.Arbitrary<Party> = fc.oneof(
      fc.constant({ kind: "A" } as const),
      fc.constant({ kind: "B" } as const),
      otherId.map((id) => ({ kind: "other", id }) as const),
    );
    const idOf = (p: Party) => (p.kind === "A" ? A : p.kind === "B" ? B : p.id);
    /** What verifies a business: its own secret, or the generic one for a business without. */
    const rightSecret = (businessId: string) => (businessId === A ? SECRET_A : businessId === B ? SECRET_B : GENERIC);
    const scenario = fc.record({
      owner: party,
      // Often the owner itself, so that both outcomes are met.
      addressed: fc.oneof(fc.constant(null), party),
      signer: fc.constantFrom("own", "own", "other", "generic", "none", "garbled"),
      form: fc.constantFrom<AddressForm | "both">("query", "path", "both", "none"),
      status: fc.constantFrom<Word>("sent", "delivered", "read", "delivery_failed"),
    });

    it("a status event changes a message only when the address names its business and the signature is that business's", async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const owner = idOf(s.owner);
          const addressed = s.addressed === null ? owner : idOf(s.addressed);
          const m = await send(owner);
          const secret =
            s.signer === "own" || s.signer === "garbled"
              ? rightSecret(addressed)
              : s.signer === "other"
                ? addressed === A
                  ? SECRET_B
                  : SECRET_A
                : s.signer === "generic"
                  ? GENERIC
                  : null;
          const url = s.form === "both" ? `${webhookUrl(t.url, addressed, "path")}?businessId=${addressed}` : webhookUrl(t.url, addressed, s.form);
          const answer = await postSignedBody(url, JSON.stringify(deliveryStatusEvent(m.connectlyId, s.status, "+16045550000")), secret, {
            garbled: s.signer === "garbled",
          });

          // The model: which business the address names, and whether the signature is that business's.
          const named = s.form === "none" ? null : addressed;
          const trusted = named !== null && secret !== null && s.signer !== "garbled" && secret === rightSecret(named);
          expect(answer.status).toBe(trusted ? 200 : named === null ? 400 : 401);
          const after = (await t.gateway.database.prisma.message.findUniqueOrThrow({ where: { id: m.id } })).deliveryStatus;
          expect(after).toBe(trusted && named === owner ? STATUS[s.status] : null);
        }),
        { numRuns: FC_RUNS },
      );
    }, 60_000);
  });
});

describe("one business configured: an address naming none is that business's", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("webhooks_tenancy_solo", {
      webhooks: { secrets: [GENERIC], businessSecrets: new Map([[SOLO, [SECRET_SOLO]]]), maxBytes: MAX_BYTES },
    });
  });
  afterAll(() => t?.close());
  const { send, message, post, events, windowOpen } = using(() => t);

  it("a status signed with its secret and posted without a business moves its message; the generic secret cannot speak for it", async () => {
    const m = await send(SOLO);
    const body = JSON.stringify(deliveryStatusEvent(m.connectlyId, "read", "+16045550000"));
    refused(await postSignedBody(webhookUrl(t.url, SOLO, "none"), body, GENERIC), 401, "INVALID_SIGNATURE");
    acknowledged(await postSignedBody(webhookUrl(t.url, SOLO, "none"), body, SECRET_SOLO), "delivery_status");
    expect((await message(m.id)).deliveryStatus).toBe("READ");
    expect((await events(m.connectlyId)).map((e) => e.businessId)).toEqual([SOLO]);
    // The same event at its named address is the same event.
    acknowledged(await post(SOLO, JSON.parse(body), SECRET_SOLO, "path"), "delivery_status", true);
  });

  it("an inbound message posted without a business opens its window; the same body at its named address is a duplicate", async () => {
    const customerId = freshCustomer();
    const body = JSON.stringify(inboundMessageEvent(customerId, nowSeconds() - 10));
    acknowledged(await postSignedBody(webhookUrl(t.url, SOLO, "none"), body, SECRET_SOLO), "messages");
    expect(await windowOpen(SOLO, customerId)).toBe(true);
    acknowledged(await postSignedBody(webhookUrl(t.url, SOLO), body, SECRET_SOLO), "messages", true);
  });
});
