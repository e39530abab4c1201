import type { ActSource } from "~/exports/act/act-source.server";

/** Packages kept in all: a package is the text three times over plus up to a few 5 MB files. */
const MAX_ENTRIES = 8;
const MAX_BYTES = 64 * 1024 * 1024;

const built = new Map<string, Buffer>();
const building = new Map<string, Promise<Buffer>>();
let bytes = 0;

/**
 * What a package depends on: the frozen version (its text and attachments never change) and
 * what its labels say (the "draft" mark goes once adopted, titles may be corrected).
 */
function keyOf(source: ActSource & { version: { id: string } }): string {
  return JSON.stringify([source.version.id, source.status, source.labels.title, source.labels.kind]);
}

/**
 * A frozen version's package, built once and served to everyone who may download it: a
 * public round's package is rendered (Word and PDF of the text) once, not once per visitor,
 * and simultaneous first downloads wait for the same build. Bounded: oldest out first.
 */
export function cachedPackage(
  source: ActSource & { version: { id: string } },
  build: () => Promise<Buffer>,
): Promise<Buffer> {
  const key = keyOf(source);
  const known = built.get(key);
  if (known) return Promise.resolve(known);
  let pending = building.get(key);
  if (!pending) {
    pending = build()
      .then((zip) => {
        remember(key, zip);
        return zip;
      })
      .finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

function remember(key: string, zip: Buffer): void {
  if (zip.length > MAX_BYTES) return;
  built.set(key, zip);
  bytes += zip.length;
  for (const [oldest, value] of built) {
    if (built.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    built.delete(oldest);
    bytes -= value.length;
  }
}
