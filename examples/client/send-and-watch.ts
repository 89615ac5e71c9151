/**
 * `npm run example:client` — sends a text message through the gateway, lists the approved templates,
 * sends a template message, sends a text with a fallback template (which goes instead when the
 * customer's 24-hour window is closed: docs/templates.md shows how to close one in sandbox mode),
 * lists the business's latest messages, and prints every status change for 15 seconds (in sandbox
 * mode the sandbox reports sent, delivered and read within a few seconds).
 *
 *   GATEWAY_URL=http://localhost:4000/graphql TOKEN=$(npm run -s token -- --business demo-business) npm run example:client
 *
 * TO is the customer (+16044441111 by default); CLOSED_TO, when set, receives the send with the
 * fallback instead (a customer whose window you closed, as docs/templates.md shows).
 */
import WebSocket from "ws";
import { createGatewayClient, describeFailure, type FallbackSendResult } from "./gateway-client.js";

const url = process.env.GATEWAY_URL ?? "http://localhost:4000/graphql";
const businessId = process.env.BUSINESS_ID ?? "demo-business";
const client = createGatewayClient({ url, webSocketImpl: WebSocket, ...(process.env.TOKEN ? { token: process.env.TOKEN } : {}) });

const stop = client.watch(
  businessId,
  (change) => console.log(`${new Date().toISOString()}  ${change.message.id}  ${change.status}  ${change.deliveryStatus ?? "-"}`),
  (error) => console.error(`subscription: ${error.message}`),
);
const to = process.env.TO ?? "+16044441111";
const sent = await client.sendText(businessId, to, "Your order is on its way!");
if (sent.__typename === "Message") console.log(`sent ${sent.id}: ${sent.status} (Connectly id ${sent.connectlyId ?? "none"})`);
else console.log(`not sent: ${describeFailure(sent)}`);

const catalog = await client.templates(businessId, { status: "APPROVED" });
if (catalog.__typename === "TemplateCatalog")
  for (const t of catalog.templates) console.log(`  template ${t.name} (${t.language}): ${t.parameters.map((p) => p.name).join(", ") || "no parameters"}`);
else console.log(`no catalog: ${describeFailure(catalog)}`);

// order_ready (pt_BR): an image header, two body variables and a URL button whose {{1}} is the order's code.
const orderReady = {
  name: "order_ready",
  language: "pt_BR",
  parameters: [
    { name: "header_image", value: "https://cdn.example.com/p.png" },
    { name: "body_1", value: "Ana" },
    { name: "body_2", value: "A1B2" },
    { name: "button_1_url", value: "A1B2" },
  ],
};
const template = await client.sendTemplate({ businessId, recipient: { id: to }, template: orderReady });
if (template.__typename === "Message") console.log(`sent template ${template.id}: ${template.status}`);
else console.log(`template not sent: ${describeFailure(template)}`);

/** What reached the customer: the text, or the template because the window was closed (and how the gateway knew). */
function describeFallback(result: FallbackSendResult): string {
  if (result.__typename !== "Message") return `not sent: ${describeFailure(result)}`;
  if (result.fallback == null) return `sent ${result.id} as a session message: ${result.status}`;
  const sentTemplate = result.content.__typename === "TemplateContent" ? `${result.content.template.name} (${result.content.template.language})` : "?";
  return `window closed (${result.fallback.reason}): sent ${result.id} as template ${sentTemplate}: ${result.status}`;
}
console.log(describeFallback(await client.sendWithFallback(businessId, process.env.CLOSED_TO ?? to, "Seu pedido chegou!", orderReady)));

const page = await client.history(businessId, 5);
for (const { node } of page.edges) {
  const kind = node.content.__typename === "TemplateContent" ? `template ${node.content.template.name}${node.fallback ? " (fallback)" : ""}` : "session";
  console.log(
    `  ${node.createdAt}  ${node.id}  ${kind}  ${node.status}  ${node.deliveryStatus ?? "-"}  ${node.statusHistory.map((e) => e.status).join(" > ")}`,
  );
}
setTimeout(() => {
  stop();
  void client.close();
}, 15_000);
