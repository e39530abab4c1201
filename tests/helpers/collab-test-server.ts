import { afterAll, afterEach, beforeAll } from "vitest";
import type { CollabOptions } from "../../collab/server";
import { connectClient, startCollab, type RunningCollab, type TestClient } from "./collab";

/**
 * The set-up of a collab test in one place: real collab servers (startCollab) and the real
 * clients a test connects to them, every client destroyed after its test.
 */
type Connect = (...args: Parameters<typeof connectClient>) => TestClient;

function clientsOfEachTest(): { connect: Connect; destroyAll: () => void } {
  const clients: TestClient[] = [];
  return {
    connect: (...args) => {
      const client = connectClient(...args);
      clients.push(client);
      return client;
    },
    destroyAll: () => clients.splice(0).forEach((client) => client.destroy()),
  };
}

/**
 * One collab server for the whole file, started before its first test and stopped after
 * the last. `server` may be used at once: it reads the running server when used.
 */
export function collabServerForFile(options: CollabOptions = {}): { server: RunningCollab; connect: Connect } {
  const { connect, destroyAll } = clientsOfEachTest();
  let running: RunningCollab | undefined;
  const current = () => {
    if (!running) throw new Error("the collab server of this file is not running (used outside a test?)");
    return running;
  };
  beforeAll(async () => {
    running = await startCollab(options);
  });
  afterEach(destroyAll);
  afterAll(async () => {
    await running?.stop();
  });
  const server: RunningCollab = {
    get http() {
      return current().http;
    },
    get collab() {
      return current().collab;
    },
    get url() {
      return current().url;
    },
    get origin() {
      return current().origin;
    },
    stop: () => current().stop(),
  };
  return { server, connect };
}

/** Collab servers a test starts with its own settings; each is stopped after that test. */
export function collabServersPerTest(): {
  start: (options?: CollabOptions) => Promise<RunningCollab>;
  connect: Connect;
} {
  const { connect, destroyAll } = clientsOfEachTest();
  const started: RunningCollab[] = [];
  afterEach(async () => {
    destroyAll();
    await Promise.all(started.splice(0).map((server) => server.stop()));
  });
  return {
    connect,
    start: async (options) => {
      const server = await startCollab(options);
      started.push(server);
      return server;
    },
  };
}
