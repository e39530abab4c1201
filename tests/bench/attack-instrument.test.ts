/**
 * The "under attack" benchmark (bench/attack.ts) is a measuring instrument for a server that
 * may fall over: these check that it ends and reports when that happens, instead of hanging,
 * and that it lets go of every socket it opened. No timings are asserted.
 */
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { roomName } from "~/editor/collab-protocol";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import type { AttackJob } from "../../bench/attack/attackers";
import type { EditorsJob, EditorsResult } from "../../bench/attack/editors";
import { prepareAttackDatabase } from "../../bench/attack/fixture";
import { openMany, socketPool } from "../../bench/attack/raw-sockets";
import { inLoadScript } from "../../bench/lib/processes";
import { signIn, startPlatform, type Platform } from "../../bench/rounds/http";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the under-attack benchmark", () => {
  it("kills a load process that sends no result by its deadline, and says so", async () => {
    // An attacker held before its "go" forever: without the deadline this never settles.
    const job: AttackJob = { kind: "slowloris", port: 9, durationMs: 1000, count: 1, byteEveryMs: 1000 };
    const held = inLoadScript("bench/attack/attackers.ts", job, () => new Promise<void>(() => undefined), undefined, {
      deadlineMs: 3000,
    });
    await expect(held).rejects.toThrow(/sent no result within 3000 ms/);
  });

  it("closes every connection an attack holds when it stops", async () => {
    // A server that accepts and never answers: the attack's sockets stay open until it lets go.
    const held = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      held.add(socket);
      // Read (and drop) what arrives, so the attacker's close is seen.
      socket.resume();
      socket.on("close", () => held.delete(socket));
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const pool = socketPool((server.address() as AddressInfo).port);
    await openMany(40, () => pool.open((socket) => socket.write("GET / HTTP/1.1\r\n")));
    await vi.waitFor(() => expect(held.size).toBe(40), { timeout: 20_000, interval: 20 });

    const tally = pool.stop();

    expect(tally).toMatchObject({ attempted: 40, connected: 40, openAtEnd: 40, closedByServer: 0, refused: 0 });
    await vi.waitFor(() => expect(held.size).toBe(0), { timeout: 20_000, interval: 20 });
  });

  it("ends the editors' measurement when the server dies mid-run and counts the edits that never arrived", async () => {
    const fixture = await prepareAttackDatabase(process.env.DATABASE_URL!, 5);
    const platform: Platform = await startPlatform({ DATABASE_URL: process.env.DATABASE_URL!, NODE_ENV: "production" });
    cleanups.push(() => platform.stop());
    const [typist, watcher] = [
      await signIn(platform, fixture.typistEmail, DEMO_PASSWORD),
      await signIn(platform, fixture.watcherEmail, DEMO_PASSWORD),
    ];
    const port = new URL(platform.origin).port;
    const job: EditorsJob = {
      url: `ws://localhost:${port}/collab`,
      room: roomName(fixture.draftId),
      typistHeaders: { Cookie: typist, Origin: platform.origin },
      watcherHeaders: { Cookie: watcher, Origin: platform.origin },
      rate: 10,
      idleMs: 1000,
      attackMs: 3000,
      graceMs: 2000,
    };
    // The server is killed outright (as the out-of-memory killer would) when the "attack" phase starts.
    const result = await inLoadScript<EditorsResult>("bench/attack/editors.ts", job, undefined, () =>
      process.kill(platform.pid, "SIGKILL"),
    );

    expect(await platform.exited).toEqual({ code: null, signal: "SIGKILL" });
    await platform.stop();
    expect(result.idle.delivered).toBe(result.idle.sent);
    expect(result.attack.sent).toBeGreaterThan(0);
    expect(result.attack.delivered).toBeLessThan(result.attack.sent);
    expect(result.connectedAtEnd).toEqual({ typist: false, watcher: false });
  }, 120_000);
});
