import { boundedInt } from "./numbers";

export const PAGE_SIZE = 20;
/** No list has this many pages; anything beyond is not a page number. */
export const MAX_PAGE = 100_000;

export type Page = { page: number; skip: number; take: number; query: string };

/** Reads `?page=` and `?q=` from a list URL; anything but a page number 1–MAX_PAGE means page 1. */
export function readPage(url: URL, pageSize = PAGE_SIZE): Page {
  const page = boundedInt(url.searchParams.get("page"), 1, MAX_PAGE) ?? 1;
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
