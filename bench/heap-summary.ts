/**
 * Summarises a V8 heap snapshot (.heapsnapshot, as written by `node --heapsnapshot-signal=SIGUSR2`
 * or v8.writeHeapSnapshot): self size by constructor, retained size (from the dominator tree, as
 * DevTools computes it, weak edges ignored) by constructor, the largest strings, and the single
 * objects that retain the most with the chain of dominators that holds each.
 *
 * Usage: tsx bench/heap-summary.ts <file.heapsnapshot> [top=25]. Also used by bench/footprint.ts.
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** The snapshot as a graph over node numbers (not offsets), strong edges only. */
interface Graph {
  readonly count: number;
  readonly selfSize: Float64Array;
  readonly label: (node: number) => string;
  readonly typeOf: (node: number) => string;
  readonly nameOf: (node: number) => string;
  /** Strong successors of each node: succ[succStart[v] .. succStart[v + 1]). */
  readonly succStart: Uint32Array;
  readonly succ: Uint32Array;
}

const MB = (bytes: number) => (bytes / 1048576).toFixed(1).padStart(7);

function labelOf(type: string, name: string): string {
  switch (type) {
    case "object":
    case "native":
      return name.length > 80 ? `${name.slice(0, 77)}...` : name;
    case "closure":
      return `(closure ${name || "anonymous"})`;
    case "string":
    case "concatenated string":
    case "sliced string":
      return "(string)";
    case "code":
      return "(compiled code)";
    case "array":
      return `(array${name ? ` ${name}` : ""})`;
    case "hidden":
      return `(system ${name.slice(0, 40)})`;
    default:
      return `(${type}${name ? ` ${name.slice(0, 40)}` : ""})`;
  }
}

function toGraph(snap: Snapshot): Graph {
  const { meta } = snap.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const [nType, nName, nSelf, nEdges] = ["type", "name", "self_size", "edge_count"].map((f) => meta.node_fields.indexOf(f)) as [number, number, number, number];
  const eType = meta.edge_fields.indexOf("type");
  const eTo = meta.edge_fields.indexOf("to_node");
  const nodeTypes = meta.node_types[0];
  const skipped = new Set(["weak", "shortcut"].map((t) => meta.edge_types[0].indexOf(t)));
  const { nodes, edges, strings } = snap;
  const count = nodes.length / nf;
  const selfSize = new Float64Array(count);
  const succStart = new Uint32Array(count + 1);
  const succ: number[] = [];
  for (let v = 0, e = 0; v < count; v++) {
    selfSize[v] = nodes[v * nf + nSelf]!;
    succStart[v] = succ.length;
    const end = e + nodes[v * nf + nEdges]! * ef;
    for (; e < end; e += ef) if (!skipped.has(edges[e + eType]!)) succ.push(edges[e + eTo]! / nf);
  }
  succStart[count] = succ.length;
  const typeOf = (v: number) => nodeTypes[nodes[v * nf + nType]!]!;
  const nameOf = (v: number) => strings[nodes[v * nf + nName]!]!;
  return { count, selfSize, label: (v) => labelOf(typeOf(v), nameOf(v)), typeOf, nameOf, succStart, succ: Uint32Array.from(succ) };
}

/** Post-order of the nodes reachable from the root (node 0): `order[p]` is the node at position p, `post[v]` its position or -1. */
function postOrder(g: Graph): { order: Uint32Array; post: Int32Array; reachable: number } {
  const post = new Int32Array(g.count).fill(-1);
  const order = new Uint32Array(g.count);
  const visited = new Uint8Array(g.count);
  const stackNode = new Uint32Array(g.count);
  const stackEdge = new Uint32Array(g.count);
  let sp = 1;
  let reachable = 0;
  visited[0] = 1;
  stackEdge[0] = g.succStart[0]!;
  while (sp > 0) {
    const v = stackNode[sp - 1]!;
    const e = stackEdge[sp - 1]!;
    if (e < g.succStart[v + 1]!) {
      stackEdge[sp - 1] = e + 1;
      const to = g.succ[e]!;
      if (visited[to]) continue;
      visited[to] = 1;
      stackNode[sp] = to;
      stackEdge[sp] = g.succStart[to]!;
      sp++;
    } else {
      post[v] = reachable;
      order[reachable++] = v;
      sp--;
    }
  }
  return { order, post, reachable };
}

/** Immediate dominators by post-order position (Cooper, Harvey and Kennedy's iterative algorithm). */
function dominators(g: Graph, order: Uint32Array, post: Int32Array, reachable: number): Int32Array {
  const predCount = new Uint32Array(g.count + 1);
  for (let v = 0; v < g.count; v++) if (post[v]! >= 0) for (let e = g.succStart[v]!; e < g.succStart[v + 1]!; e++) predCount[g.succ[e]!]!++;
  const predStart = new Uint32Array(g.count + 1);
  for (let v = 0; v < g.count; v++) predStart[v + 1] = predStart[v]! + predCount[v]!;
  const preds = new Uint32Array(predStart[g.count]!);
  const fill = predStart.slice();
  for (let v = 0; v < g.count; v++) if (post[v]! >= 0) for (let e = g.succStart[v]!; e < g.succStart[v + 1]!; e++) preds[fill[g.succ[e]!]!++] = v;

  const idom = new Int32Array(reachable).fill(-1);
  const root = reachable - 1;
  idom[root] = root;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (a < b) a = idom[a]!;
      while (b < a) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let p = root - 1; p >= 0; p--) {
      const v = order[p]!;
      let best = -1;
      for (let k = predStart[v]!; k < predStart[v + 1]!; k++) {
        const q = post[preds[k]!]!;
        if (q >= 0 && idom[q] !== -1) best = best === -1 ? q : intersect(q, best);
      }
      if (best !== -1 && idom[p] !== best) {
        idom[p] = best;
        changed = true;
      }
    }
  }
  return idom;
}

export async function summariseHeapSnapshot(file: string, top = 25): Promise<string> {
  const g = toGraph(JSON.parse(await readFile(file, "utf8")) as Snapshot);
  const { order, post, reachable } = postOrder(g);
  const idom = dominators(g, order, post, reachable);
  const root = reachable - 1;
  const retained = new Float64Array(reachable);
  for (let p = 0; p < reachable; p++) retained[p] = g.selfSize[order[p]!]!;
  for (let p = 0; p < root; p++) retained[idom[p]!]! += retained[p]!;

  let total = 0;
  const byLabel = new Map<string, { self: number; count: number; retained: number }>();
  for (let p = 0; p < reachable; p++) {
    const key = g.label(order[p]!);
    const entry = byLabel.get(key) ?? { self: 0, count: 0, retained: 0 };
    total += g.selfSize[order[p]!]!;
    entry.self += g.selfSize[order[p]!]!;
    entry.count++;
    // Retained size by constructor counts only its outermost objects (one dominated by another of its kind is inside it).
    let d = idom[p]!;
    while (d !== root && g.label(order[d]!) !== key) d = idom[d]!;
    if (d === root) entry.retained += retained[p]!;
    byLabel.set(key, entry);
  }
  const entries = [...byLabel];
  const out = [
    `heap snapshot ${file}: ${reachable} reachable objects, ${MB(total).trim()} MB`,
    "",
    "by constructor, largest self size first (self MB, count, retained MB):",
  ];
  for (const [k, e] of entries.sort((a, b) => b[1].self - a[1].self).slice(0, top))
    out.push(`  ${MB(e.self)} MB ${String(e.count).padStart(8)}  retained ${MB(e.retained)} MB  ${k}`);
  out.push("", "by constructor, largest retained size first (outermost objects only):");
  for (const [k, e] of entries.sort((a, b) => b[1].retained - a[1].retained).slice(0, top)) out.push(`  ${MB(e.retained)} MB  ${k} (${e.count})`);

  // Module sources, WebAssembly embedded as base64, SDL: the large strings, by their first characters.
  const large: number[] = [];
  for (let p = 0; p < reachable; p++) if (g.label(order[p]!) === "(string)" && g.selfSize[order[p]!]! >= 64 * 1024) large.push(order[p]!);
  out.push("", "largest strings (self MB, first characters):");
  for (const v of large.sort((a, b) => g.selfSize[b]! - g.selfSize[a]!).slice(0, top))
    out.push(`  ${MB(g.selfSize[v]!)} MB  ${JSON.stringify(g.nameOf(v).slice(0, 70).replace(/\s+/g, " "))}`);

  const chainOf = (p: number): string => {
    const names: string[] = [];
    for (let d = idom[p]!; d !== root && names.length < 6; d = idom[d]!) names.push(g.label(order[d]!));
    return names.join(" < ") || "(a GC root)";
  };
  const single = Array.from({ length: root }, (_, p) => p).filter((p) => g.typeOf(order[p]!) !== "synthetic");
  out.push("", "single objects retaining the most (retained MB, object < its dominators):");
  for (const p of single.sort((a, b) => retained[b]! - retained[a]!).slice(0, top))
    out.push(`  ${MB(retained[p]!)} MB  ${g.label(order[p]!)}  < ${chainOf(p)}`);
  return out.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx bench/heap-summary.ts <file.heapsnapshot> [top]");
    process.exit(2);
  }
  console.log(await summariseHeapSnapshot(file, Number(topArg ?? 25)));
}
