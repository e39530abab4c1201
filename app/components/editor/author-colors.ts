/**
 * Each person's colour in the editor: their caret, their name beside it, and the text of their
 * suggestions, which is drawn in it. Text must meet WCAG 2.1 AA contrast (4.5:1) on the paper
 * and on the page canvas, so every colour here does (tests/components/author-colors.test.ts).
 * An orange of 3.9:1 once stood here: a person whose id hashed to it had suggestions that
 * failed the contrast rule.
 */
export const AUTHOR_COLORS = ["#1f5fa8", "#b3261e", "#1e7b45", "#8a4fbf", "#a15c00", "#00796b", "#ad1457", "#5d4037"];

/** A stable colour per person, so everyone sees the same colour for the same name. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AUTHOR_COLORS[hash % AUTHOR_COLORS.length]!;
}
