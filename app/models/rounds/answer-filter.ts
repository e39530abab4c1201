import { z } from "zod";

/**
 * What the answering page is filtered by, as GET parameters (shared by the page, its bulk
 * answer and the background job that carries the bulk out, which stores it as JSON).
 */
export const ANSWER_STATUSES = [
  "all",
  "unanswered",
  "answered",
  "ACCEPTED",
  "PARTIALLY_ACCEPTED",
  "REJECTED",
  "NOTED",
] as const;
export const AUTHOR_KINDS = ["all", "individual", "organization"] as const;

export const AnswerFilterSchema = z.object({
  articleId: z.string().max(64).nullable(),
  status: z.enum(ANSWER_STATUSES),
  groupId: z.string().max(64).nullable(),
  organizationId: z.string().max(64).nullable(),
  author: z.enum(AUTHOR_KINDS),
  text: z.string().trim().max(200),
});

export type AnswerFilter = z.infer<typeof AnswerFilterSchema>;

export const NO_FILTER: AnswerFilter = {
  articleId: null,
  status: "all",
  groupId: null,
  organizationId: null,
  author: "all",
  text: "",
};

/** The filter of a URL; null when a parameter holds something the page does not offer (a 400). */
export function readAnswerFilter(params: URLSearchParams): AnswerFilter | null {
  const parsed = AnswerFilterSchema.safeParse({
    articleId: params.get("article") || null,
    status: params.get("status") || "all",
    groupId: params.get("group") || null,
    organizationId: params.get("organization") || null,
    author: params.get("author") || "all",
    text: params.get("q") ?? "",
  });
  return parsed.success ? parsed.data : null;
}

/** The filter back as GET parameters (the defaults left out). */
export function answerFilterParams(filter: AnswerFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.articleId) params.set("article", filter.articleId);
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.groupId) params.set("group", filter.groupId);
  if (filter.organizationId) params.set("organization", filter.organizationId);
  if (filter.author !== "all") params.set("author", filter.author);
  if (filter.text) params.set("q", filter.text);
  return params;
}

export function isFiltered(filter: AnswerFilter): boolean {
  return answerFilterParams(filter).size > 0;
}

/** A keyset position: the article's place in the frozen text, and the proposal's number. */
export type AnswerCursor = { article: number; number: number };

export function readCursor(value: string | null): AnswerCursor | null | "invalid" {
  if (!value) return null;
  const match = /^(\d{1,6})\.(\d{1,9})$/.exec(value);
  return match ? { article: Number(match[1]), number: Number(match[2]) } : "invalid";
}

export const cursorParam = (cursor: AnswerCursor) => `${cursor.article}.${cursor.number}`;
