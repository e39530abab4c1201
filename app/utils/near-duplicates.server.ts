import { createHash } from "node:crypto";

/**
 * Near-duplicate texts for campaign grouping (docs/decisions/025-campaigns-and-large-rounds.md).
 * Pure functions: the same text always gives the same fingerprint, on any node and after restarts,
 * because the stored band keys of earlier proposals must keep matching new ones.
 */

/** Word pairs: one changed word alters at most two of them, yet different sentences rarely share many. */
const SHINGLE_WORDS = 2;
/** 20 bands of 2 minima: two texts with Jaccard 0.5 share a band with probability 1 − 0.75²⁰ ≈ 99.7 %. */
export const BANDS = 20;
const ROWS_PER_BAND = 2;
const SIGNATURE_LENGTH = BANDS * ROWS_PER_BAND;
/** Word-pair Jaccard from which two proposals on one article count as the same text. */
export const SAME_TEXT_JACCARD = 0.5;

/**
 * Case, compatibility forms (NFKC: full-width letters, ligatures), punctuation, symbols and
 * spacing do not make a different proposal. Armenian (։ ՝ « »), Georgian and Cyrillic punctuation
 * are Unicode punctuation too; lower-casing maps Georgian Mtavruli to Mkhedruli.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** The words of a normalized text, as overlapping pairs (a one- or two-word text is its own shingle). */
export function shingles(normalized: string): Set<string> {
  const words = normalized ? normalized.split(" ") : [];
  if (words.length <= SHINGLE_WORDS) return new Set([words.join(" ")]);
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) result.add(words.slice(i, i + SHINGLE_WORDS).join(" "));
  return result;
}

/** FNV-1a over UTF-16 code units: fast, stable and good enough as the base hash of a shingle. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Murmur3's finalizer: turns the base hash and a seed into one of the independent hash functions. */
function mix(hash: number, seed: number): number {
  let h = (hash ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix(i + 1, 0x9e3779b9));

/** The MinHash signature: for each hash function, the least hash over the text's shingles. */
export function minHash(set: Set<string>): number[] {
  const signature = new Array<number>(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of set) {
    const base = fnv1a(shingle);
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const h = mix(base, SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** The share of equal minima: an unbiased estimate of the two texts' Jaccard similarity. */
export function estimatedJaccard(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const item of a) if (b.has(item)) both++;
  const either = a.size + b.size - both;
  return either === 0 ? 1 : both / either;
}

/** One lookup key per band ("b3:…"): texts sharing any band become candidates for each other. */
export function bandKeys(signature: number[]): string[] {
  return Array.from(
    { length: BANDS },
    (_, band) =>
      `b${band}:` +
      signature
        .slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND)
        .map((n) => n.toString(36))
        .join("."),
  );
}

/** The key of the exact normalized text (SHA-256, shortened: 128 bits make a collision negligible). */
export function exactKey(normalized: string): string {
  return `x:${createHash("sha256").update(normalized, "utf8").digest("hex").slice(0, 32)}`;
}

export type Fingerprint = { shingles: Set<string>; signature: number[]; exactKey: string; bandKeys: string[] };

export function fingerprint(text: string): Fingerprint {
  const normalized = normalizeText(text);
  const set = shingles(normalized);
  const signature = minHash(set);
  return { shingles: set, signature, exactKey: exactKey(normalized), bandKeys: bandKeys(signature) };
}

export function encodeSignature(signature: number[]): string {
  return signature.map((n) => n.toString(36)).join(",");
}

export function decodeSignature(encoded: string): number[] {
  return encoded.split(",").map((n) => parseInt(n, 36));
}
