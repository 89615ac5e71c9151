/**
 * `npm run example:client` — sends a text message through the gateway, lists the business's latest
 * messages, and prints every status change for 15 seconds (in sandbox mode the sandbox reports
 * sent, delivered and read within a few seconds).
 *
 *   GATEWAY_URL=http://localhost:4000/graphql TOKEN=$(npm run -s token -- --business demo-business) npm run example:client
 */
import WebSocket from "ws";
import { createGatewayClient, describeFailure } from "./gateway-client.js";

const url = process.env.GATEWAY_URL ?? "http://localhost:4000/graphql";
const businessId = process.env.BUSINESS_ID ?? "demo-business";
const client = createGatewayClient({ url, webSocketImpl: WebSocket, ...(process.env.TOKEN ? { token: process.env.TOKEN } : {}) });

const stop = client.watch(
  businessId,
  (change) => console.log(`${new Date().toISOString()}  ${change.message.id}  ${change.status}  ${change.deliveryStatus ?? "-"}`),
  (error) => console.error(`subscription: ${error.message}`),
);
const sent = await client.sendText(businessId, process.env.TO ?? "+16044441111", "Your order is on its way!");
if (sent.__typename === "Message") console.log(`sent ${sent.id}: ${sent.status} (Connectly id ${sent.connectlyId ?? "none"})`);
else console.log(`not sent: ${describeFailure(sent)}`);
const page = await client.history(businessId, 5);
for (const { node } of page.edges)
  console.log(`  ${node.createdAt}  ${node.id}  ${node.status}  ${node.deliveryStatus ?? "-"}  ${node.statusHistory.map((e) => e.status).join(" > ")}`);
setTimeout(() => {
  stop();
  void client.close();
}, 15_000);
