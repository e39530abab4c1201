/**
 * `npm run bench:pages-editing`: editing while the public page is under load, on one
 * `npm start` node (the real platform, scripts/start.ts). A signed-in member types a beacon
 * every 100 ms into a 300-article draft through a real y-websocket client; a second client
 * of the same member records when each beacon arrives (edit-to-other-editor latency, one
 * clock). Meanwhile autocannon (its own process, so its CPU does not delay the editors'
 * loop) keeps BENCH_PAGE_CONNECTIONS (100) connections on the public round page of the same
 * node for BENCH_PAGE_SECONDS (10). Reports edit p50/p99/max, edits delivered, and the page's
 * requests/s, p99 and timeouts. `COLLAB_PROCESS=shared` measures the collab server in the web
 * process (the former default) for comparison.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { DEMO_PASSWORD } from "../prisma/seed/users";
import { buildIfNeeded } from "../scripts/build-if-needed";
import { Histogram } from "./lib/histogram";
import { sleep } from "./lib/sleep";
import { openClient } from "./load/provider-clients";
import { signIn, startPlatform } from "./rounds/http";
import { prepareAttackDatabase } from "./attack/fixture";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 300);
const CONNECTIONS = Number(process.env.BENCH_PAGE_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 10);
const EDIT_EVERY_MS = 100;

type PageLoad = { requestsPerSecond: number; p99Ms: number; timeouts: number; non2xx: number; errors: number };

function autocannon(url: string): Promise<PageLoad> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "node_modules/.bin/autocannon",
      ["--json", "-c", String(CONNECTIONS), "-d", String(SECONDS), "-t", "10", "-H", "accept-encoding=gzip", url],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", () => {
      try {
        const result = JSON.parse(out) as {
          requests: { average: number };
          latency: { p99: number };
          timeouts: number;
          non2xx: number;
          errors: number;
        };
        resolve({
          requestsPerSecond: result.requests.average,
          p99Ms: result.latency.p99,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

async function main() {
  buildIfNeeded(process.cwd());
  const dir = mkdtempSync(path.join(tmpdir(), "agora-pages-editing-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  try {
    // A draft being written (the round's own draft is frozen while in consultation) and the round.
    const fixture = await prepareAttackDatabase(databaseUrl, ARTICLES);
    const platform = await startPlatform({ DATABASE_URL: databaseUrl, NODE_ENV: "production" });
    try {
      const ws = { url: `${platform.origin.replace(/^http/, "ws")}/collab`, room: `draft.${fixture.draftId}` };
      const headersOf = async (email: string) => ({
        cookie: await signIn(platform, email, DEMO_PASSWORD),
        origin: platform.origin,
      });
      const typist = openClient({ ...ws, headers: await headersOf(fixture.typistEmail) });
      const watcher = openClient({ ...ws, headers: await headersOf(fixture.watcherEmail) });
      await Promise.all([typist.synced(), watcher.synced()]);

      // Beacons ride in the document's text, as an editor's typing does (paragraphs of the fragment).
      const fragment = typist.doc.getXmlFragment("default");
      const latencies = new Histogram();
      let sent = 0;
      let delivered = 0;
      const seen = new Set<string>();
      watcher.doc.on("update", () => {
        const now = performance.now();
        const last = watcher.doc.getXmlFragment("default").toArray().slice(-5);
        for (const node of last) {
          if (!(node instanceof Y.XmlElement)) continue;
          const beacon = node.getAttribute("data-beacon");
          if (!beacon || seen.has(beacon)) continue;
          seen.add(beacon);
          latencies.record(now - Number(beacon.split(":")[1]));
          delivered++;
        }
      });
      const load = autocannon(`${platform.origin}/rounds/${fixture.roundId}`);
      await sleep(1_000); // autocannon connects
      const started = performance.now();
      while (performance.now() - started < (SECONDS - 2) * 1000) {
        const scheduled = started + sent * EDIT_EVERY_MS;
        const wait = scheduled - performance.now();
        if (wait > 0) await sleep(wait);
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.setAttribute("data-beacon", `${sent}:${scheduled}`);
        paragraph.insert(0, [new Y.XmlText("ա")]);
        fragment.insert(fragment.length, [paragraph]);
        sent++;
      }
      const page = await load;
      await sleep(3_000); // late arrivals
      typist.close();
      watcher.close();
      const mode = process.env.COLLAB_PROCESS === "shared" ? "collab in the web process" : "collab in its own process";
      console.log(`| scenario (${mode}) | value |`);
      console.log("| --- | --- |");
      console.log(
        `| edit to other editor, p50 / p99 / max ms | ${latencies.percentile(50).toFixed(1)} / ${latencies.percentile(99).toFixed(1)} / ${latencies.percentile(100).toFixed(1)} |`,
      );
      console.log(`| edits delivered | ${delivered} / ${sent} |`);
      console.log(
        `| public round page, ${CONNECTIONS} connections: req/s, p99 ms, timeouts, non-2xx, errors | ${page.requestsPerSecond.toFixed(0)}, ${page.p99Ms}, ${page.timeouts}, ${page.non2xx}, ${page.errors} |`,
      );
    } finally {
      await platform.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
