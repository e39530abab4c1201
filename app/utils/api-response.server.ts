import { env } from "./env.server";
import { publicOrigin } from "./origin.server";
import { boundedInt } from "./numbers";
import { pageCount, readPage } from "./pagination";

/**
 * Responses of the open-data API (`/api/v1`, docs/api.md). The API never reads the session:
 * every answer is the same for everyone and holds only what a signed-out visitor may see,
 * so any web page may read it (`Access-Control-Allow-Origin: *`) and caches may keep it.
 */
const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=60",
};

export function apiJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: HEADERS });
}

/** The one answer for what does not exist and for what is hidden, so neither can be told apart. */
export function apiNotFound(): Response {
  return apiJson({ error: "not_found" }, 404);
}

export const API_PAGE_SIZE = 20;
export const API_MAX_PAGE_SIZE = 100;

/** `?page=` and `?per_page=` (1–100, default 20). */
export function readApiPage(url: URL) {
  const asked = boundedInt(url.searchParams.get("per_page"), 1, Number.MAX_SAFE_INTEGER);
  const perPage = asked === null ? API_PAGE_SIZE : Math.min(asked, API_MAX_PAGE_SIZE);
  return { ...readPage(url, perPage), perPage };
}

/** The public origin (APP_ORIGIN behind a proxy) that the open-data models put before their links. */
export function apiOrigin(request: Request): string {
  return publicOrigin(request, env().APP_ORIGIN);
}

/** Absolute links on the public origin. */
export function apiLink(request: Request, path: string): string {
  return apiOrigin(request) + path;
}

/** The pagination block of a list: totals and absolute `next`/`prev` links keeping the other parameters. */
export function apiPagination(request: Request, page: { page: number; perPage: number }, total: number) {
  const pages = pageCount(total, page.perPage);
  const url = new URL(request.url);
  const linkTo = (target: number) => {
    const params = new URLSearchParams(url.search);
    params.set("page", String(target));
    return apiLink(request, `${url.pathname}?${params.toString()}`);
  };
  return {
    page: page.page,
    perPage: page.perPage,
    total,
    pages,
    next: page.page < pages ? linkTo(page.page + 1) : null,
    prev: page.page > 1 ? linkTo(Math.min(page.page - 1, pages)) : null,
  };
}
