import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The faces a server-made PDF embeds, from the @fontsource packages (no system fonts, so every
 * server makes the same file): Noto Serif for Latin and Cyrillic, Noto Sans Armenian and
 * Noto Sans Georgian (Noto has no serif for these in the registry's packages). Each package
 * ships one file per Unicode subset; we pick the file per character, as browsers do with
 * the packages' own `unicode-range`. WOFF, not WOFF2: fontkit's subsetter fails on the
 * composite glyphs of the WOFF2 files ("Offset is outside the bounds of the DataView").
 */
type Face = { name: string; packageName: string; file: (weight: 400 | 700) => string; covers: RegExp };

const FACES: Face[] = [
  {
    name: "armenian",
    packageName: "@fontsource/noto-sans-armenian",
    file: (w) => `noto-sans-armenian-armenian-${w}-normal.woff`,
    covers: /[\u0530-\u058F\uFB13-\uFB17]/u,
  },
  {
    name: "georgian",
    packageName: "@fontsource/noto-sans-georgian",
    file: (w) => `noto-sans-georgian-georgian-${w}-normal.woff`,
    covers: /[\u10A0-\u10FF\u1C90-\u1CBF\u2D00-\u2D2F]/u,
  },
  {
    name: "cyrillic",
    packageName: "@fontsource/noto-serif",
    file: (w) => `noto-serif-cyrillic-${w}-normal.woff`,
    covers: /[\u0400-\u045F\u0490\u0491\u04B0\u04B1\u2116]/u,
  },
  {
    name: "cyrillic-ext",
    packageName: "@fontsource/noto-serif",
    file: (w) => `noto-serif-cyrillic-ext-${w}-normal.woff`,
    covers: /[\u0460-\u052F\u1C80-\u1C8A\uA640-\uA69F]/u,
  },
  {
    name: "latin-ext",
    packageName: "@fontsource/noto-serif",
    file: (w) => `noto-serif-latin-ext-${w}-normal.woff`,
    covers: /[\u0100-\u024F\u1E00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF]/u,
  },
  // Last: digits, punctuation, «», dashes and everything else.
  {
    name: "latin",
    packageName: "@fontsource/noto-serif",
    file: (w) => `noto-serif-latin-${w}-normal.woff`,
    covers: /[^]/u,
  },
];

const require = createRequire(import.meta.url);

function packageDir(packageName: string): string {
  // The packages export only their CSS and LICENSE; the LICENSE finds the folder.
  return dirname(require.resolve(`${packageName}/LICENSE`));
}

let loaded: Map<string, Buffer> | null = null;

/** Every face's file by pdfkit font name ("latin-400", "armenian-700", …), read once per process. */
export function pdfFontFiles(): Map<string, Buffer> {
  if (!loaded) {
    loaded = new Map();
    for (const face of FACES) {
      for (const weight of [400, 700] as const) {
        loaded.set(
          `${face.name}-${weight}`,
          readFileSync(join(packageDir(face.packageName), "files", face.file(weight))),
        );
      }
    }
  }
  return loaded;
}

export type FontSegment = { text: string; font: string };

/**
 * Text cut where the face must change, each piece with its pdfkit font name. Spaces stay in
 * the face they follow (every subset has a space), so an Armenian sentence is one piece per
 * run of letters and spaces, not one per word.
 */
export function fontSegments(text: string, bold: boolean): FontSegment[] {
  const weight = bold ? 700 : 400;
  const segments: FontSegment[] = [];
  for (const char of text) {
    const last = segments[segments.length - 1];
    if (char === " " && last) {
      last.text += char;
      continue;
    }
    const font = `${FACES.find((face) => face.covers.test(char))!.name}-${weight}`;
    if (last?.font === font) last.text += char;
    else segments.push({ text: char, font });
  }
  return segments;
}
