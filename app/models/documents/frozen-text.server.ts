import type { DocNode } from "~/editor/document-json";
import { outlineOf, type OutlineEntry } from "~/editor/outline";
import { db } from "~/utils/db.server";

/** A frozen version's text, prepared for pages: its structure and its articles. */
export type FrozenText = { content: DocNode; articles: OutlineEntry[] };

type Entry = FrozenText & { size: number };

const MAX_ENTRIES = 64;
/** Bytes of stored JSON kept in all (the objects take a few times more). */
const MAX_BYTES = 32 * 1024 * 1024;

const texts = new Map<string, Entry>();
const loading = new Map<string, Promise<FrozenText>>();
let bytes = 0;

/**
 * The text of a frozen version, read and prepared once and reused by every page that shows
 * it: a version never changes once frozen, and its SHA-256 names exactly that text (the id
 * is in the key too, as two versions with the same words may differ in structure). Bounded:
 * the least recently used leave first.
 */
export function frozenText(version: { id: string; sha256: string }): Promise<FrozenText> {
  const key = `${version.sha256}:${version.id}`;
  const known = texts.get(key);
  if (known) {
    texts.delete(key);
    texts.set(key, known);
    return Promise.resolve(known);
  }
  let pending = loading.get(key);
  if (!pending) {
    pending = readFrozenText(version.id)
      .then((entry) => {
        remember(key, entry);
        return entry;
      })
      .finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

async function readFrozenText(versionId: string): Promise<Entry> {
  const row = await db().draftVersion.findUniqueOrThrow({ where: { id: versionId }, select: { content: true } });
  const content = row.content as unknown as DocNode;
  return {
    content,
    articles: outlineOf(content).filter((entry) => entry.type === "article"),
    size: JSON.stringify(row.content).length,
  };
}

function remember(key: string, entry: Entry): void {
  if (entry.size > MAX_BYTES) return;
  texts.set(key, entry);
  bytes += entry.size;
  for (const [oldest, value] of texts) {
    if (texts.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    texts.delete(oldest);
    bytes -= value.size;
  }
}

/** For tests: how many frozen texts are held. */
export function frozenTextCount(): number {
  return texts.size;
}
