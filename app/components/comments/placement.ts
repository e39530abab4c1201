import type { OutlineEntry } from "~/editor/outline";
import type { AnchorState, PanelThread } from "./types";

/** Where the live text puts a thread's passage (see threadRanges in comment-highlights.ts). */
export type PassageRange = { from: number; articleId: string | null };

/** Where the panel shows a thread: under which article, at which place in its text, and whether its words still exist. */
export type ThreadPlacement = {
  /** The article that now contains the words; the saved article when the words are gone or it is an article comment. */
  articleId: string;
  /** Position of the passage in the text; null for comments on the whole article and for removed text. */
  position: number | null;
  anchor: AnchorState;
};

type PlaceableThread = Pick<PanelThread, "id" | "articleId" | "anchorStart">;

/**
 * Places each thread from the passages as they are now. A passage that moved into
 * another article (an article split) is shown under that article; when its words are
 * gone, or it lies outside any article, the thread keeps the article it was written on.
 */
export function placeThreads(
  threads: PlaceableThread[],
  ranges: Map<string, PassageRange>,
): Map<string, ThreadPlacement> {
  return new Map(
    threads.map((thread): [string, ThreadPlacement] => {
      const range = ranges.get(thread.id);
      if (!thread.anchorStart) return [thread.id, { articleId: thread.articleId, position: null, anchor: "article" }];
      if (!range) return [thread.id, { articleId: thread.articleId, position: null, anchor: "gone" }];
      return [thread.id, { articleId: range.articleId ?? thread.articleId, position: range.from, anchor: "passage" }];
    }),
  );
}

export type ThreadGroup<T> = { key: string; label: OutlineEntry | null; threads: T[] };

/**
 * Threads grouped by article in document order; within an article, comments on the
 * whole article and on removed text first (in the order they were written), then
 * passages in the order of the text. Articles no longer in the document come last.
 */
export function groupThreads<T extends PlaceableThread>(
  threads: T[],
  placements: Map<string, ThreadPlacement>,
  outline: OutlineEntry[],
): ThreadGroup<T>[] {
  const order = new Map(outline.map((entry, index) => [entry.id, index]));
  const groups = new Map<string, ThreadGroup<T>>();
  for (const thread of threads) {
    const articleId = placements.get(thread.id)?.articleId ?? thread.articleId;
    const entry = outline.find((e) => e.id === articleId) ?? null;
    const key = entry ? entry.id : "elsewhere";
    if (!groups.has(key)) groups.set(key, { key, label: entry, threads: [] });
    groups.get(key)!.threads.push(thread);
  }
  const position = (thread: T) => placements.get(thread.id)?.position ?? -1;
  for (const group of groups.values()) group.threads.sort((a, b) => position(a) - position(b));
  return [...groups.values()].sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9));
}
