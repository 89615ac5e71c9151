/**
 * The worked example's operations (examples/operations/*.graphql, typed by codegen's client preset)
 * through the example client (urql + graphql-ws) against a running gateway with auth on: send,
 * read the history, receive a live status change. Also: the example page still bundles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createGatewayClient, describeFailure, type GatewayClient, type StatusChange } from "../examples/client/gateway-client.js";
import { bundle } from "../examples/web/serve.js";
import { hs256Auth, tokenFor } from "./support/auth.js";
import { startTestGateway, subscriptionsReach, type TestGateway } from "./support/gateway.js";
import { deliveryStatusEvent, postSignedEvent } from "./support/webhooks.js";

const auth = hs256Auth("example-test-secret-of-32-characters");

describe("the example client", () => {
  let t: TestGateway;
  let client: GatewayClient;
  beforeAll(async () => {
    t = await startTestGateway("example-client", { auth });
    const token = await tokenFor(auth, ["biz-example"], { subject: "example" });
    client = createGatewayClient({ url: `${t.url}/graphql`, token, webSocketImpl: WebSocket });
  });
  afterAll(async () => {
    await client?.close();
    await t?.close();
  });

  it("sends, reads the history, and hears a live status change", async () => {
    const changes: StatusChange[] = [];
    let heard!: () => void;
    const delivered = new Promise<void>((resolve) => (heard = resolve));
    const stop = client.watch("biz-example", (change) => {
      changes.push(change);
      if (change.deliveryStatus === "DELIVERED") heard();
    });
    await subscriptionsReach(t.gateway, 1);

    const result = await client.sendText("biz-example", "+16044448888", "Your order is on its way!");
    if (result.__typename !== "Message") throw new Error(`expected a sent message, got ${describeFailure(result)}`);
    const sent = result;
    expect(sent).toMatchObject({ status: "ACCEPTED", connectlyId: expect.any(String) });

    const page = await client.history("biz-example", 10);
    expect(page.edges.map((e) => e.node.id)).toContain(sent.id);

    const event = deliveryStatusEvent(sent.connectlyId!, "delivered", "+16044448888");
    expect((await postSignedEvent(t.url, "biz-example", event)).status).toBe(200);
    await delivered;
    stop();
    const last = changes.at(-1)!;
    expect(last).toMatchObject({ deliveryStatus: "DELIVERED", message: { id: sent.id }, event: { status: "DELIVERED" } });

    const after = await client.history("biz-example", 10);
    const node = after.edges.find((e) => e.node.id === sent.id)!.node;
    expect(node.statusHistory.map((e) => e.status)).toEqual(["DELIVERED"]);
  });

  it("reports the gateway's refusal as an error (a business the token does not cover)", async () => {
    await expect(client.sendText("biz-not-mine", "+16044448888", "Hi")).rejects.toThrow(/may not act for business biz-not-mine/);
  });

  it("bundles the example page for browsers", async () => {
    const js = await bundle();
    expect(js).toContain("messageStatusChanged");
    expect(js.length).toBeGreaterThan(10_000);
  });
});
