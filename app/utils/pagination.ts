export const PAGE_SIZE = 20;

export type Page = { page: number; skip: number; take: number; query: string };

/** Reads `?page=` and `?q=` from a list URL; bad values fall back to page 1. */
export function readPage(url: URL, pageSize = PAGE_SIZE): Page {
  const parsed = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const page = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
  return {
    page,
    skip: (page - 1) * pageSize,
    take: pageSize,
    query: (url.searchParams.get("q") ?? "").trim().slice(0, 200),
  };
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
