// The second peer: Hocuspocus 4.7 (`@hocuspocus/server`), the most used production Yjs server,
// as its documentation sets it up: its own `Server`, default debounce (2 s, at most 10 s) and
// timeouts, documents stored in SQLite by the SQLite extension's schema and queries.
//
// `@hocuspocus/extension-sqlite` itself is the generic `Database` extension plus these three
// statements on better-sqlite3 12; this project pins better-sqlite3 11 (Prisma's adapter), and a
// second copy compiled from source would add minutes to every fresh install. So the same
// statements run here on the project's better-sqlite3 through `Database`, which is exactly what
// the SQLite extension does (read in @hocuspocus/extension-sqlite 4.7.0, dist/hocuspocus-sqlite.esm.js).
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import BetterSqlite3 from "better-sqlite3";
import { reportStatsOnRequest } from "../lib/server-stats";
import { withStoredNotices } from "./hocuspocus-stored-notices";

const SCHEMA = `CREATE TABLE IF NOT EXISTS "documents" (
  "name" varchar(255) NOT NULL,
  "data" blob NOT NULL,
  UNIQUE(name)
)`;
const SELECT = `SELECT data FROM "documents" WHERE name = $name ORDER BY rowid DESC`;
const UPSERT = `INSERT INTO "documents" ("name", "data") VALUES ($name, $data)
    ON CONFLICT(name) DO UPDATE SET data = $data`;

const file = path.join(mkdtempSync(path.join(tmpdir(), "agora-bench-hocuspocus-")), "documents.sqlite");
const sqlite = new BetterSqlite3(file);
sqlite.exec(SCHEMA);
const select = sqlite.prepare(SELECT);
const upsert = sqlite.prepare(UPSERT);
const store = ({ documentName, state }: { documentName: string; state: Buffer }) => {
  upsert.run({ name: documentName, data: state });
};

const server = new Server({
  address: "127.0.0.1",
  port: 0,
  quiet: true,
  // The orchestrator stops this process with a signal; Hocuspocus's own handler would wait on storing.
  stopOnSignals: false,
  extensions: [
    new Database({
      fetch: async ({ documentName }) =>
        (select.get({ name: documentName }) as { data: Buffer } | undefined)?.data ?? null,
      // With HOCUSPOCUS_STORED_NOTICES=1 (the durability scenario, measurement only) a document's
      // clients are told what each store wrote, as our server's "saved" notice does.
      store: process.env.HOCUSPOCUS_STORED_NOTICES === "1" ? withStoredNotices(store) : async (data) => store(data),
    }),
  ],
});

await server.listen();
reportStatsOnRequest(() => ({ rooms: server.hocuspocus.getDocumentsCount() }));
process.send!({ type: "ready", port: (server.httpServer.address() as AddressInfo).port });
