import { inflateRawSync } from "node:zlib";
import { ImportError } from "./import-error.server";

/** Everything inside one DOCX, unpacked: a 300-article law is a few MB of XML. */
export const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
const MAX_ENTRIES = 2000;
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END = 0x06054b50;

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

/**
 * Checks a DOCX before mammoth (and its JSZip) unpack it: a ZIP at all (magic bytes),
 * no zip bomb (every entry is actually inflated here with a hard output limit, so sizes
 * that the headers lie about do not matter), and no DOCTYPE in any XML part (Word never
 * writes one; it is how external entities, XXE and "billion laughs" come in).
 */
export function checkDocxContainer(data: Buffer): void {
  checkOfficeContainer(data, "word/document.xml");
}

/**
 * The same checks for any office file that is a ZIP of XML parts (DOCX, ODT): `requiredPart`
 * is the part that makes it that kind of file (`word/document.xml`, `content.xml`).
 */
export function checkOfficeContainer(data: Buffer, requiredPart: string): void {
  if (data.length < 22 || data.readUInt32LE(0) !== ZIP_LOCAL_HEADER) throw new ImportError("faults.importNotDocx");
  const entries = centralDirectory(data);
  if (!entries.some((e) => e.name === requiredPart)) throw new ImportError("faults.importNotDocx");
  let budget = MAX_UNPACKED_BYTES;
  for (const entry of entries) {
    if (entry.size > budget) throw new ImportError("faults.importTooLargeUnpacked");
    const content = inflateEntry(data, entry, budget);
    budget -= content.length;
    if (/\.(xml|rels)$/i.test(entry.name) && /<!(DOCTYPE|ENTITY)/i.test(content.toString("latin1")))
      throw new ImportError("faults.importExternalEntities");
  }
}

/**
 * One part of an office file that passed `checkOfficeContainer` (inflated within the same
 * limit); null when the file has no such part.
 */
export function readOfficePart(data: Buffer, name: string): Buffer | null {
  const entry = centralDirectory(data).find((e) => e.name === name);
  return entry ? inflateEntry(data, entry, MAX_UNPACKED_BYTES) : null;
}

function centralDirectory(data: Buffer): Entry[] {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ImportError("faults.importNotDocx");
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  // ZIP64 markers (0xFFFF / 0xFFFFFFFF) mean a file far larger than any DOCX we accept.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES)
    throw new ImportError("faults.importTooLargeUnpacked");
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== ZIP_CENTRAL_HEADER)
      throw new ImportError("faults.importNotDocx");
    const nameLength = data.readUInt16LE(offset + 28);
    entries.push({
      method: data.readUInt16LE(offset + 10),
      compressedSize: data.readUInt32LE(offset + 20),
      size: data.readUInt32LE(offset + 24),
      name: data.toString("utf8", offset + 46, offset + 46 + nameLength),
      localOffset: data.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return entries;
}

function inflateEntry(data: Buffer, entry: Entry, limit: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== ZIP_LOCAL_HEADER)
    throw new ImportError("faults.importNotDocx");
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const compressed = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (compressed.length > limit) throw new ImportError("faults.importTooLargeUnpacked");
    return compressed;
  }
  if (entry.method !== 8) throw new ImportError("faults.importNotDocx");
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    // Node reports output beyond maxOutputLength as a RangeError; anything else is damage.
    if (error instanceof RangeError) throw new ImportError("faults.importTooLargeUnpacked");
    throw new ImportError("faults.importNotDocx");
  }
}
