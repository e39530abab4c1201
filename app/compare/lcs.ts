/** One step of turning sequence a into sequence b. */
export type Edit<T> = { kind: "same" | "deleted" | "inserted"; item: T };

/**
 * The edits from a to b along a longest common subsequence (the classic O(n·m) table, kept
 * in one typed array). Used for the words inside an article and for the order of articles.
 */
export function lcsEdits<T>(a: readonly T[], b: readonly T[]): Edit<T>[] {
  const width = b.length + 1;
  // lengths[i * width + j] = LCS length of a[i..] and b[j..], filled from the end.
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const edits: Edit<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      edits.push({ kind: "same", item: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      edits.push({ kind: "deleted", item: a[i++]! });
    } else {
      edits.push({ kind: "inserted", item: b[j++]! });
    }
  }
  while (i < a.length) edits.push({ kind: "deleted", item: a[i++]! });
  while (j < b.length) edits.push({ kind: "inserted", item: b[j++]! });
  return edits;
}
