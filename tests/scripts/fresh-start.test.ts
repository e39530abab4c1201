import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoWorldTemplate } from "../helpers/platform-template";

/**
 * `npm start` on a fresh machine, the one platform start in the suite that builds its
 * database itself (the others copy this run's demo world template): it migrates, loads the
 * demo data and indexes it for search; and the template holds just what this start wrote.
 */
const dir = mkdtempSync(path.join(tmpdir(), "agora-fresh-start-"));
const freshFile = path.join(dir, "fresh.db");
const copiedFile = path.join(dir, "copied.db");
const apps: RunningApp[] = [];

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Campaign groups are worked out by the platform's background jobs after it starts (a
 * proposal left without a group is picked up by the next run), so their rows depend on when
 * one looks, not on how the world was made.
 */
const MADE_AFTER_START = new Set(["ProposalBand", "ProposalGroup", "ProposalGrouping"]);

/** Every table's row count: the same demo world has the same counts (the ids are random). */
function rowCounts(file: string): Record<string, number> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    return Object.fromEntries(
      tables
        .filter(({ name }) => !MADE_AFTER_START.has(name))
        .map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    sqlite.close();
  }
}

describe("the platform's start on a fresh machine", () => {
  it("migrates an absent database, loads the demo world, indexes it for search and serves it", async () => {
    const app = await startApp({ DATABASE_URL: `file:${freshFile}` }, { fromTemplate: false, collab: "separate" });
    apps.push(app);
    expect(app.output()).toMatch(/migrations applied: \d{14}_init/);
    expect(app.output()).toContain("demo data loaded");
    expect(app.output()).toMatch(/search index rebuilt: [1-9]\d* entries/);
    const rounds = await fetch(`${app.url}/rounds`, { headers: { "accept-language": "en" } });
    expect(rounds.status).toBe(200);
    // The public consultation is found: the search index was built too.
    const search = await fetch(`${app.url}/search?q=${encodeURIComponent("հանրային")}`);
    expect(await search.text()).toContain("<mark>հանրային</mark>");
  });

  it("and a platform started from the test template finds that same world ready, with nothing to do", async () => {
    const app = await startApp({ DATABASE_URL: `file:${copiedFile}` }, { collab: "separate" });
    apps.push(app);
    expect(app.output()).not.toMatch(/migrations applied|demo data loaded|search index rebuilt/);
    const counts = rowCounts(copiedFile);
    expect(counts.Organization).toBeGreaterThan(0);
    expect(counts).toEqual(rowCounts(freshFile));
    expect(rowCounts(await demoWorldTemplate())).toEqual(counts);
  });
});
