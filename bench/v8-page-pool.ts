/**
 * `node --expose-gc --import tsx bench/v8-page-pool.ts`: what this Node's V8 keeps resident after a
 * burst of allocation, and what each kind of collection gives back (the reason the gateway's idle
 * collection asks for a last-resort one on Node 22 and 24). Prints anonymous resident memory, V8's
 * heap, and the 256 KB mappings that are V8's pages, after a burst, 3 s later, after a regular
 * collection and after a last-resort one. Linux only (/proc).
 */
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const gc = globalThis.gc;
if (!gc) throw new Error("run with node --expose-gc");

const PAGE = 256 * 1024;
function reading(label: string): void {
  const anonMb = Number(/RssAnon:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) / 1024;
  const pages = readFileSync("/proc/self/maps", "utf8")
    .split("\n")
    .filter((line) => {
      const m = /^([0-9a-f]+)-([0-9a-f]+) rw-p 00000000 00:00 0\s*$/.exec(line);
      return m !== null && parseInt(m[2]!, 16) - parseInt(m[1]!, 16) === PAGE;
    }).length;
  const { heapTotal, heapUsed } = process.memoryUsage();
  const mb = (n: number) => (n / 1048576).toFixed(0);
  console.log(`${label.padEnd(28)} ${anonMb.toFixed(0).padStart(4)} MB anonymous, V8 heap ${mb(heapTotal)} / ${mb(heapUsed)} MB, ${pages} mappings of 256 KB`);
}

console.log(`Node ${process.version} (V8 ${process.versions.v8})`);
reading("start");
// Pages of 50 short-lived records, 200 of them alive at a time: garbage of the kind a page of reads leaves.
const keep: unknown[] = [];
const end = Date.now() + 8000;
for (let i = 0; Date.now() < end; i++) {
  const page = Array.from({ length: 50 }, (_, k) => ({ id: `m${i}-${k}`, status: "ACCEPTED", history: [{ status: "SENT", at: new Date().toISOString() }] }));
  keep.push(JSON.parse(JSON.stringify(page)));
  if (keep.length > 200) keep.shift();
  if (i % 200 === 0) await sleep(0);
}
keep.length = 0;
reading("after the burst");
await sleep(3000);
reading("3 s later");
await gc({ type: "major", execution: "async" });
await sleep(1000);
reading("after a regular collection");
await gc({ type: "major", execution: "async", flavor: "last-resort" });
await sleep(1000);
reading("after a last-resort one");
