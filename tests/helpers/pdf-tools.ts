import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Poppler (pdftotext, pdffonts, pdftoppm) and LibreOffice, as Debian installs them. */
export function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

export function freshDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The text of a PDF as pdftotext extracts it (what search and copy-paste see). */
export function pdfText(path: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" });
}

/** The document information dictionary as `pdfinfo -custom` lists it (our own keys too). */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-custom", "-enc", "UTF-8", path], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .map((line) => /^([A-Za-z0-9]+):\s+(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

export type PdfFont = { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean };

/** The fonts pdffonts lists: name, type and the emb/sub/uni columns. */
export function pdfFonts(path: string): PdfFont[] {
  const lines = execFileSync("pdffonts", [path], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    // name, type (one or two words), encoding, emb, sub, uni, object, id
    const [emb, sub, uni] = cells.slice(-5, -2);
    return { name: cells[0]!, type: cells[1]!, embedded: emb === "yes", subset: sub === "yes", unicode: uni === "yes" };
  });
}

export type PdfWord = { page: number; text: string; xMin: number; yMin: number; xMax: number };

/** Every word with its position in points (pdftotext -bbox), page by page. */
export function pdfWords(path: string): PdfWord[] {
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"], { encoding: "utf8" });
  const words: PdfWord[] = [];
  let page = 0;
  for (const match of html.matchAll(
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g,
  )) {
    if (match[0] === "<page ") page++;
    else words.push({ page, text: match[4]!, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]) });
  }
  return words;
}

/** Renders page `page` of a PDF as PNG with pdftoppm; returns the PNG's path. */
export function renderPage(pdf: string, png: string, page = 1, dpi = 60): string {
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    String(dpi),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    png,
  ]);
  return `${png}.png`;
}

/**
 * Converts DOCX files to PDF with LibreOffice headless, in a profile of its own so that
 * parallel runs do not wait on each other's lock.
 */
export function libreOfficeToPdf(files: string[], outDir: string): void {
  const profile = freshDir("lo-profile-");
  execFileSync(
    "libreoffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files],
    { stdio: "ignore", timeout: 180_000 },
  );
}
