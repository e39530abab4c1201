import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

/*
 * Remix's router, as the server loads it, is patched (patches/@remix-run+router+*.patch) to
 * rank a route tree once per routes array and compile each route pattern once, instead of on
 * every match (four matches per page over 113 routes were a tenth of a signed-in page's CPU).
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
