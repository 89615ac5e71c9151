/**
 * The example page: lists a business's messages and updates their status live through the
 * subscription, with the same typed client as examples/client/. A send may carry a fallback
 * template, which goes instead when the customer's 24-hour window is closed: the row then shows the
 * template, and the page says why. Below, the conversation with one customer, both directions, with
 * their answers arriving live (customerActivity); in sandbox mode the page's own server makes the
 * customer tap a button. Bundled by examples/web/serve.ts.
 */
import {
  createGatewayClient,
  describeFailure,
  type ConversationPage,
  type CustomerActivity,
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
  conversationStatus(change);
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
  closeConversation();
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

// ---- the conversation with one customer

type Entry = ConversationPage["edges"][number];
type SentNode = Extract<Entry["node"], { __typename: "Message" }>;
type InboundNode = Extract<Entry["node"], { __typename: "InboundMessage" }>;

/** The open conversation's entries by key (direction and id: the two kinds of id may collide), oldest first once sorted. */
const entries = new Map<string, Entry>();
let customerId = "";
let stopConversation: (() => void) | undefined;

const entryKey = (direction: Entry["direction"], id: string): string => `${direction}:${id}`;

/** The page's own server forwards this to the sandbox's control (it holds the key; the page never does). */
const TAP_PATH = "/sandbox/tap";

function conversationState(text: string): void {
  $("#conversation-state").textContent = text;
}

/** What a message the business sent says, in a line. */
function sentText(m: SentNode): string {
  switch (m.content.__typename) {
    case "TextContent":
      return m.content.text;
    case "ReplyButtonMessageContent":
      return `${m.content.replyButtonMessage.body} [${m.content.replyButtonMessage.buttons.map((b) => b.text).join(" | ")}]`;
    case "TemplateContent":
      return `template ${m.content.template.name} (${m.content.template.language})`;
    default:
      return m.content.__typename;
  }
}

/** What a customer sent, in a line. */
function inboundText(m: InboundNode): string {
  const c = m.content;
  switch (c.__typename) {
    case "InboundTextContent":
      return c.text;
    case "ButtonReplyContent":
      return `tapped "${c.text}"${c.buttonId ? ` (${c.buttonId})` : ""}`;
    case "ListReplyContent":
      return `picked "${c.title ?? c.rowId}"`;
    case "ReactionContent":
      return c.emoji ? `reacted ${c.emoji}` : "removed a reaction";
    case "InboundAttachmentsContent":
      return `sent ${c.attachments.map((a) => a.type).join(", ")}${c.caption ? `: ${c.caption}` : ""}`;
    case "InboundLocationContent":
      return `shared a location${c.location.name ? `: ${c.location.name}` : ""}`;
    case "UnsupportedInboundContent":
      return `sent ${c.kind ?? "something"}${c.unsupportedText ? `: ${c.unsupportedText}` : ""}`;
  }
}

function entryItem(entry: Entry): HTMLLIElement {
  const li = document.createElement("li");
  li.className = entry.direction;
  li.dataset.id = entry.node.id;
  const what = document.createElement("span");
  what.className = "what";
  const meta = document.createElement("span");
  meta.className = "meta";
  const time = new Date(entry.at).toLocaleTimeString();
  if (entry.node.__typename === "Message") {
    what.textContent = sentText(entry.node);
    meta.textContent = `${time} · ${entry.node.status}${entry.node.deliveryStatus ? ` · ${entry.node.deliveryStatus}` : ""}`;
    if (entry.node.deliveryStatus) li.classList.add(entry.node.deliveryStatus);
  } else {
    what.textContent = inboundText(entry.node);
    const answers = entry.node.inReplyTo ? ` · answers ${entry.node.inReplyTo.id}` : "";
    meta.textContent = `${time}${answers}`;
  }
  li.append(what, meta);
  return li;
}

/** The buttons of the newest reply-button message Connectly accepted: what the customer can tap. */
function tappable(): { replyTo: string; id: string; text: string }[] {
  const sent = [...sortedEntries()]
    .reverse()
    .find((e) => e.node.__typename === "Message" && e.node.connectlyId && e.node.content.__typename === "ReplyButtonMessageContent");
  if (!sent || sent.node.__typename !== "Message" || sent.node.content.__typename !== "ReplyButtonMessageContent") return [];
  const replyTo = sent.node.connectlyId!;
  return sent.node.content.replyButtonMessage.buttons.map((b) => ({ replyTo, id: b.id, text: b.text }));
}

const second = (at: string): number => Math.floor(Date.parse(at) / 1000);

/**
 * In time order by the second: Connectly gives a customer's message whole seconds, so within one
 * second what the business sent comes first (a tap in the second of its question answers it); then
 * by the exact time, then in the order they came.
 */
const sortedEntries = (): Entry[] =>
  [...entries.values()].sort(
    (a, b) => second(a.at) - second(b.at) || (a.direction === b.direction ? 0 : a.direction === "OUTBOUND" ? -1 : 1) || a.at.localeCompare(b.at),
  );

function renderConversation(): void {
  $<HTMLOListElement>("#conversation").replaceChildren(...sortedEntries().map(entryItem));
  const select = $<HTMLSelectElement>('#simulate select[name="button"]');
  const options = tappable().map((b) => JSON.stringify(b));
  // Status changes re-render often: rebuilding the same options would lose the person's choice.
  if (options.join("\n") === [...select.options].map((o) => o.value).join("\n")) return;
  select.replaceChildren(
    ...options.map((v) => {
      const option = document.createElement("option");
      option.value = v;
      option.textContent = (JSON.parse(v) as { text: string }).text;
      return option;
    }),
  );
}

function windowLine(window: { open: boolean; expiresAt: string | null }): string {
  if (window.open) return `window open until ${new Date(window.expiresAt!).toLocaleString()}`;
  return window.expiresAt ? `window closed since ${new Date(window.expiresAt).toLocaleString()}` : "window never opened";
}

function addEntry(entry: Entry): void {
  entries.set(entryKey(entry.direction, entry.node.id), entry);
  renderConversation();
}

function closeConversation(): void {
  stopConversation?.();
  stopConversation = undefined;
  entries.clear();
  customerId = "";
  renderConversation();
}

/** A live activity of the open conversation's customer: their message joins it; the window line follows. */
function onActivity(activity: CustomerActivity): void {
  if (activity.customer.id !== customerId) return;
  const inbound = activity.inboundMessage;
  if (inbound) addEntry({ cursor: "", direction: "INBOUND", at: inbound.occurredAt, node: { __typename: "InboundMessage", ...inbound } });
  conversationState(`${customerId}: ${windowLine(activity.sessionWindow)}, live.`);
}

/** A status change of a message in the open conversation moves its entry too. */
function conversationStatus(change: StatusChange): void {
  const entry = entries.get(entryKey("OUTBOUND", change.message.id));
  if (!entry || entry.node.__typename !== "Message") return;
  addEntry({ ...entry, node: { ...entry.node, status: change.message.status, deliveryStatus: change.message.deliveryStatus } });
}

async function openConversation(customer: string): Promise<void> {
  if (!client) throw new Error("Connect first (Show).");
  closeConversation();
  customerId = customer;
  // Subscribed before the read: an answer that lands in between is in one or the other (or both, kept once).
  stopConversation = client.watchCustomers(businessId, customer, onActivity, (error) => conversationState(`Subscription: ${error.message}`));
  const page = await client.conversation(businessId, customer, 20);
  for (const edge of page.edges) entries.set(entryKey(edge.direction, edge.node.id), edge);
  renderConversation();
  conversationState(`${customer}: ${windowLine(page.sessionWindow)}, live.`);
}

$<HTMLFormElement>("#open-conversation").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.currentTarget as HTMLFormElement);
  openConversation(value(form, "customer").trim()).catch((error: Error) => conversationState(error.message));
});

$<HTMLFormElement>("#send-buttons").addEventListener("submit", (event) => {
  event.preventDefault();
  if (!client || !customerId) return conversationState("Open a conversation first.");
  const form = new FormData(event.currentTarget as HTMLFormElement);
  const titles = value(form, "buttons")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  // Button ids are what comes back when the customer taps: the title, lower case, is enough here.
  const buttons = titles.map((text) => ({ id: text.toLowerCase().replace(/\s+/g, "_"), text }));
  client.sendButtons(businessId, customerId, value(form, "body"), buttons).then(
    (result) => {
      if (result.__typename !== "Message") return conversationState(`Not sent: ${describeFailure(result)}`);
      addEntry({ cursor: "", direction: "OUTBOUND", at: result.createdAt, node: result });
      void load();
    },
    (error: Error) => conversationState(error.message),
  );
});

$<HTMLFormElement>("#simulate").addEventListener("submit", (event) => {
  event.preventDefault();
  const choice = value(new FormData(event.currentTarget as HTMLFormElement), "button");
  if (!choice || !customerId) return conversationState("Send a reply-button message first.");
  const { replyTo, id, text } = JSON.parse(choice) as ReturnType<typeof tappable>[number];
  // The answer itself arrives through the subscription, like a real customer's would.
  fetch(TAP_PATH, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ businessId, customerId, replyTo, button: { id, text } }),
  }).then(
    async (response) => {
      if (response.ok) return;
      // The page's server answers { error: text }; the sandbox, Connectly's { error: { message } }.
      const body = (await response.json().catch(() => ({}))) as { error?: string | { message?: string } };
      conversationState(`The tap was refused: ${typeof body.error === "string" ? body.error : (body.error?.message ?? response.status)}`);
    },
    (error: Error) => conversationState(error.message),
  );
});
