import { readConfig } from "@remix-run/dev/dist/config.js";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

/*
 * Remix's router, as the server loads it, is patched (patches/@remix-run+router+*.patch) to
 * rank a route tree once per routes array and compile each route pattern once, instead of on
 * every match (four matches per page over 113 routes were a tenth of a signed-in page's CPU),
 * and to skip a route whose literal start the pathname does not have.
 */
const ids = (routes: AgnosticRouteObject[], path: string) => matchRoutes(routes, path)?.map((m) => m.route.id) ?? null;

describe("route matching on the server", () => {
  it("gives the same matches every time, a pattern compiled apart with and without case sensitivity", () => {
    const routes: AgnosticRouteObject[] = [
      { id: "root", path: "/", children: [{ id: "draft", path: "drafts/:draftId" }] },
      { id: "exact", path: "/exact", caseSensitive: true },
      { id: "loose", path: "/exact" },
    ];
    for (let round = 0; round < 3; round++) {
      expect(ids(routes, "/drafts/abc")).toEqual(["root", "draft"]);
      expect(matchRoutes(routes, "/drafts/xyz")?.[1]?.params).toEqual({ draftId: "xyz" });
      expect(ids(routes, "/exact")).toEqual(["exact"]);
      // The same pattern without case sensitivity is another compiled pattern.
      expect(ids(routes, "/EXACT")).toEqual(["loose"]);
      expect(ids(routes, "/nowhere")).toBeNull();
    }
  });

  it("ranks a routes array once: a route tree matched before is not walked again", () => {
    const routes: AgnosticRouteObject[] = [{ id: "home", path: "/" }];
    expect(ids(routes, "/later")).toBeNull();
    // The server builds its route tree once and never changes it; a change made afterwards in
    // place (which only lazy route discovery in a browser does, and it starts the ranking over)
    // is not seen. That it is not proves the ranking is kept rather than redone per match.
    routes.push({ id: "later", path: "/later" });
    expect(ids(routes, "/later")).toBeNull();
    expect(ids([...routes], "/later")).toEqual(["later"]);
  });
});

type RouteEntry = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean };

/** The platform's route tree as Remix builds it from app/routes. */
async function platformRoutes(): Promise<AgnosticRouteObject[]> {
  const config = await readConfig(process.cwd());
  const entries = Object.values(config.routes) as RouteEntry[];
  const childrenOf = (parentId: string | undefined): AgnosticRouteObject[] =>
    entries
      .filter((entry) => entry.parentId === parentId)
      .map((entry) => {
        const children = childrenOf(entry.id);
        const route = { id: entry.id, path: entry.path, caseSensitive: entry.caseSensitive };
        return (entry.index ? { ...route, index: true } : { ...route, children }) as AgnosticRouteObject;
      });
  return childrenOf(undefined);
}

/** Every route's path with sample values, and the variants a visitor or an attacker may type. */
function pathnamesFor(routes: AgnosticRouteObject[]): string[] {
  const paths: string[] = [];
  const walk = (list: AgnosticRouteObject[], parent: string) => {
    for (const route of list) {
      const path = [parent, route.path ?? ""].filter(Boolean).join("/");
      paths.push("/" + path.replace(/:[\w-]+/g, "x1").replace(/\*$/, "a/b"));
      walk(route.children ?? [], path);
    }
  };
  walk(routes, "");
  return paths.flatMap((p) => [p, p.toUpperCase(), `${p}/`, `${p}//`, `/${p}`, `${p}/extra`, p.replace("x1", "ա%20b")]);
}

describe("skipping routes by their literal start", () => {
  it("matches every path of the platform, in every variant, exactly as the unpatched router does", async () => {
    // The browser's build of the same router, which the patch leaves alone: the reference.
    const unpatched = (await import("@remix-run/router/dist/router.js")) as unknown as {
      matchRoutes: typeof matchRoutes;
    };
    const routes = await platformRoutes();
    const pathnames = pathnamesFor(routes);
    expect(pathnames.length).toBeGreaterThan(500);
    for (const pathname of pathnames) {
      const patched = matchRoutes(routes, pathname);
      const reference = unpatched.matchRoutes(routes, pathname);
      expect({ pathname, matches: patched?.map((m) => [m.route.id, m.params, m.pathname]) }).toEqual({
        pathname,
        matches: reference?.map((m) => [m.route.id, m.params, m.pathname]),
      });
    }
  });

  it("does not skip a route whose start differs only by case or a trailing slash in its pattern", () => {
    const routes: AgnosticRouteObject[] = [
      { id: "layout", path: "/Rounds/", children: [{ id: "round", path: ":roundId" }] },
      { id: "optional", path: "/:lang?/about" },
      { id: "optional-word", path: "/print?/report" },
      { id: "files", path: "/files/*" },
    ];
    expect(ids(routes, "/rounds")).toEqual(["layout"]);
    expect(ids(routes, "/ROUNDS/r1")).toEqual(["layout", "round"]);
    expect(ids(routes, "/about")).toEqual(["optional"]);
    expect(ids(routes, "/hy/about")).toEqual(["optional"]);
    expect(ids(routes, "/report")).toEqual(["optional-word"]);
    expect(ids(routes, "/Print/report")).toEqual(["optional-word"]);
    expect(ids(routes, "/files/a/b")).toEqual(["files"]);
    expect(ids(routes, "/filesx")).toBeNull();
  });
});

describe("a page's route tree", () => {
  it("is made once per build: the route modules and the static router's routes are the same objects on every page", async () => {
    const { createEntryRouteModules } = (await import("@remix-run/server-runtime/dist/entry.js")) as unknown as {
      createEntryRouteModules: (manifest: object) => object;
    };
    const build = { root: { module: { default: () => null } }, "routes/_index": { module: {} } };
    expect(createEntryRouteModules(build)).toBe(createEntryRouteModules(build));
    expect(createEntryRouteModules({ ...build })).not.toBe(createEntryRouteModules(build));

    const { createStaticRouter } = await import("react-router-dom/server.js");
    const routes = [{ id: "root", path: "/", children: [{ id: "draft", path: "drafts/:draftId" }] }];
    const context = { basename: "/", location: { pathname: "/drafts/a" }, matches: [], loaderData: {} };
    const first = createStaticRouter(routes, context as never);
    const second = createStaticRouter(routes, { ...context, location: { pathname: "/drafts/b" } } as never);
    expect(second.routes).toBe(first.routes);
    expect(second.state.location.pathname).toBe("/drafts/b");
  });
});
