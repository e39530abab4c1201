import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler as createRemixHandler, type RequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { env } from "../app/utils/env.server";
import { bodyLimits } from "./body-limits";
import { publicPageCache } from "./public-page-cache";
import { remixHandler } from "./remix-handler";
import { sameOrigin } from "./same-origin";
import { securityHeaders } from "./security-headers";

export type AppOptions = {
  /** Folder holding build/ and public/. */
  root: string;
  appOrigin?: string;
  /** Re-import the server build when it changes (npm run dev). */
  reloadBuild?: boolean;
  /** Seconds a public page is served as rendered for everyone (0 turns the sharing off). */
  publicPageSeconds?: number;
};

/** A page not rendered by then answers 503 (app/entry.server.tsx aborts its stream sooner). */
const PAGE_TIMEOUT_MS = 10_000;

/**
 * Only a path naming a file (with an extension) is looked up among the public files: for a
 * page's path the lookup was a failed `stat` and an error object with its stack, 2 % of a
 * signed-in page's server CPU, before Remix could answer.
 */
function filesOnly(serveFiles: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => (path.extname(req.path) ? serveFiles(req, res, next) : next());
}

/** The Express app: headers, body size limits, compression, static assets, CSRF origin check, Remix. */
export function createApp(options: AppOptions) {
  const buildFile = path.join(options.root, "build", "index.js");
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(securityHeaders);
  // Before anything reads or discards a body: an oversized one is refused unread.
  app.use(bodyLimits());
  // Server-sent events must reach the browser as they happen, not when a gzip buffer fills.
  app.use(
    compression({ filter: (req, res) => req.headers.accept !== "text/event-stream" && compression.filter(req, res) }),
  );
  app.use("/build", express.static(path.join(options.root, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(filesOnly(express.static(path.join(options.root, "public"), { maxAge: "1h" })));
  app.use(sameOrigin(options.appOrigin));

  let loaded: { mtime: number; build: Promise<ServerBuild> } | undefined;
  const getBuild = (): Promise<ServerBuild> => {
    const mtime = options.reloadBuild ? statSync(buildFile).mtimeMs : 0;
    if (!loaded || loaded.mtime !== mtime) {
      const url = pathToFileURL(buildFile).href + (options.reloadBuild ? `?t=${mtime}` : "");
      loaded = { mtime, build: import(url) as Promise<ServerBuild> };
    }
    return loaded.build;
  };
  // One Remix handler for the shared public pages and for every other request. Given a
  // function, Remix derives its route tables and static handler from the build again on every
  // request (so `npm run dev` sees a rebuilt app): in production that was a third of a signed-in
  // page's route matching, redone per request. There the build never changes, so Remix gets the
  // build itself, once it is imported, and derives them once.
  let production: Promise<RequestHandler> | undefined;
  const render: RequestHandler = options.reloadBuild
    ? createRemixHandler(getBuild, "development")
    : async (request, context) => {
        production ??= getBuild().then((build) => createRemixHandler(build, "production"));
        return (await production)(request, context);
      };
  const publicPageSeconds = options.publicPageSeconds ?? env().PUBLIC_PAGE_SECONDS;
  if (publicPageSeconds > 0) {
    const shared = publicPageCache({
      render,
      maxAgeSeconds: publicPageSeconds,
      renderTimeoutMs: PAGE_TIMEOUT_MS,
    });
    app.use(shared.middleware);
  }
  app.all(
    "*",
    remixHandler({
      render,
      // The client address keys login throttling; "trust proxy" above makes it the real one behind a local proxy.
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? "unknown",
        cspNonce: String(res.locals.cspNonce ?? ""),
        localPort: req.socket.localPort ?? 0,
        // Once the last byte of the answer is out (or the client went away), never before.
        afterResponse: (work: () => void) => res.once("close", work),
      }),
    }),
  );
  return app;
}
