/**
 * Word-level differences between two texts (the redline inside a changed article): the
 * longest common subsequence of tokens, where a token is a word or the space/punctuation
 * between words, so spacing and punctuation changes show too. Articles are short (hundreds
 * of words), so the O(n·m) table is small; beyond MAX_CELLS the whole text is one change.
 */
import { lcsEdits } from "./lcs";

export type DiffPart = { kind: "same" | "inserted" | "deleted"; text: string };

const MAX_CELLS = 4_000_000;

export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu) ?? [];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length > MAX_CELLS) {
    return merge([
      { kind: "deleted", text: before },
      { kind: "inserted", text: after },
    ]);
  }
  return merge(lcsEdits(a, b).map((edit) => ({ kind: edit.kind, text: edit.item })));
}

/** Neighbouring parts of the same kind become one; empty parts go. */
function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
