/**
 * The first step of `npm test`: the browser and export tests need Debian's Chromium,
 * xmllint, poppler (pdftotext, pdffonts, pdftoppm: the PDF checks) and LibreOffice Writer
 * (renders our DOCX to check its layout; about 25 s to install here), plus fonts covering
 * Armenian and Georgian so pages render as people see them.
 * A fresh machine of this kind has none of them. As root with apt-get we install them, so
 * `npm install && npm test` needs nothing done by hand; otherwise we stop at once with the
 * one command to run, rather than letting dozens of tests fail one by one.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DEBIAN_PACKAGES = ["chromium", "fonts-noto-core", "libxml2-utils", "poppler-utils", "libreoffice-writer-nogui"];

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

const missing = [
  !existsSync(CHROMIUM) && "Chromium",
  !onPath("xmllint") && "xmllint",
  !onPath("pdftotext") && "poppler-utils",
  !onPath("libreoffice") && "LibreOffice",
].filter(Boolean);
if (missing.length === 0) process.exit(0);

const installCommand = `apt-get update && apt-get install -y ${DEBIAN_PACKAGES.join(" ")}`;
const isRoot = process.getuid?.() === 0;
if (!isRoot || !onPath("apt-get")) {
  console.error(`The tests need ${missing.join(", ")}. Install them once with:\n  sudo sh -c "${installCommand}"`);
  process.exit(1);
}

console.log(`Installing ${missing.join(", ")} for the browser and export tests (Debian packages, once)…`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", ...DEBIAN_PACKAGES], { stdio: ["ignore", "ignore", "inherit"], env });
