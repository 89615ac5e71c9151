/**
 * The example page: lists a business's messages and updates their status live through the
 * subscription, with the same typed client as examples/client/. A send may carry a fallback
 * template, which goes instead when the customer's 24-hour window is closed: the row then shows the
 * template, and the page says why. Bundled by examples/web/serve.ts.
 */
import {
  createGatewayClient,
  describeFailure,
  type FallbackSendResult,
  type GatewayClient,
  type HistoryPage,
  type SendResult,
  type StatusChange,
} from "../client/gateway-client.js";

type Row = HistoryPage["edges"][number]["node"];

const $ = <T extends Element>(selector: string): T => document.querySelector<T>(selector)!;
const rows = new Map<string, Row>();
let client: GatewayClient | undefined;
let stopWatching: (() => void) | undefined;
let businessId = "";

/** A text field of a form (FormData also holds files, which these forms have none of). */
function value(form: FormData, name: string): string {
  const entry = form.get(name);
  return typeof entry === "string" ? entry : "";
}

function cell(text: string, className = ""): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** What a row sent: its text, or the template (marked when it answered a closed window). */
function contentOf(m: Row): string {
  if (m.content.__typename !== "TemplateContent") return m.content.__typename === "TextContent" ? "text" : m.content.__typename;
  const { name, language } = m.content.template;
  return `template ${name} (${language})${m.fallback ? " for a closed window" : ""}`;
}

function render(): void {
  const body = $<HTMLTableSectionElement>("#rows");
  body.replaceChildren(
    ...[...rows.values()]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((m) => {
        const tr = document.createElement("tr");
        tr.dataset.id = m.id;
        tr.append(
          cell(new Date(m.createdAt).toLocaleTimeString()),
          cell(m.id),
          cell(m.recipient.id),
          cell(contentOf(m), "content"),
          cell(m.status, m.status),
          cell(m.deliveryStatus ?? "—", m.deliveryStatus ?? ""),
          cell(m.statusHistory.map((e) => e.status).join(" → ")),
        );
        return tr;
      }),
  );
}

/** The order of meaning, for events of the same second (Connectly's timestamps are in seconds). */
const RANK: Record<Row["statusHistory"][number]["status"], number> = { SENT: 0, DELIVERED: 1, FAILED: 2, READ: 3 };

/**
 * A history ordered as the gateway orders statusHistory (by time, then by meaning), each event once:
 * a reload and a live change may both bring one, and live changes may come in any order.
 */
function merged(history: Row["statusHistory"], event: Row["statusHistory"][number]): Row["statusHistory"] {
  if (history.some((e) => e.status === event.status && e.occurredAt === event.occurredAt)) return history;
  return [...history, event].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || RANK[a.status] - RANK[b.status]);
}

function apply(change: StatusChange): void {
  const known = rows.get(change.message.id);
  if (!known) return void load();
  rows.set(change.message.id, {
    ...known,
    status: change.message.status,
    deliveryStatus: change.message.deliveryStatus,
    updatedAt: change.message.updatedAt,
    statusHistory: change.event
      ? merged(known.statusHistory, { status: change.event.status, occurredAt: change.event.occurredAt, error: null })
      : known.statusHistory,
  });
  render();
}

async function load(): Promise<void> {
  if (!client) return;
  const page = await client.history(businessId, 50);
  for (const { node } of page.edges) {
    // A live change may have come while the page was read: keep whichever is newer.
    const known = rows.get(node.id);
    if (!known || known.updatedAt <= node.updatedAt) rows.set(node.id, node);
  }
  render();
}

$<HTMLFormElement>("#connect").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.currentTarget as HTMLFormElement);
  stopWatching?.();
  void client?.close();
  businessId = value(form, "businessId");
  rows.clear();
  const token = value(form, "token").trim();
  client = createGatewayClient({ url: value(form, "url"), ...(token ? { token } : {}) });
  stopWatching = client.watch(businessId, apply, (error) => ($("#state").textContent = `Subscription: ${error.message}`));
  load().then(
    () => ($("#state").textContent = `Showing ${businessId}, live.`),
    (error: Error) => ($("#state").textContent = error.message),
  );
});

/**
 * A sent message joins the list; a failed send says why (its code, message and, for an input error,
 * the field), and one answered by its fallback template says that the window was closed.
 */
function sent(result: SendResult | FallbackSendResult): Promise<void> | void {
  if (result.__typename !== "Message") return void ($("#state").textContent = `Not sent: ${describeFailure(result)}`);
  if ("fallback" in result && result.fallback) $("#state").textContent = `Window closed (${result.fallback.reason}): sent the template instead.`;
  return load();
}

/** The built-in sandbox's order_ready (pt_BR): image header, customer name, order code, and the code as the URL button's suffix. */
const orderReady = (order: string) => ({
  name: "order_ready",
  language: "pt_BR",
  parameters: [
    { name: "header_image", value: "https://cdn.example.com/p.png" },
    { name: "body_1", value: "Ana" },
    { name: "body_2", value: order },
    { name: "button_1_url", value: order },
  ],
});

$<HTMLFormElement>("#send").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.currentTarget as HTMLFormElement);
  const [to, text] = [value(form, "to"), value(form, "text")];
  const sending = form.has("fallback")
    ? client?.sendWithFallback(businessId, to, text, orderReady(value(form, "order")))
    : client?.sendText(businessId, to, text);
  sending?.then(sent, (error: Error) => ($("#state").textContent = error.message));
});
