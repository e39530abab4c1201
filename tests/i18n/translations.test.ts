import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "~/i18n/config";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { fromAcceptLanguage } from "~/i18n/locale.server";
import { createTranslate, flattenKeys } from "~/i18n/translate";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("translations", () => {
  const english = flattenKeys(DICTIONARIES.en).sort();

  for (const locale of LOCALES) {
    it(`${locale} has every key and no extra one`, () => {
      expect(flattenKeys(DICTIONARIES[locale]).sort()).toEqual(english);
    });

    it(`${locale} keeps every placeholder`, () => {
      const en = createTranslate(DICTIONARIES.en);
      const other = createTranslate(DICTIONARIES[locale]);
      for (const key of english) expect(placeholders(other(key)), key).toEqual(placeholders(en(key)));
    });
  }

  it("hy, ru and ka are translated, not copies of English", () => {
    for (const locale of ["hy", "ru", "ka"] as const) {
      const t = createTranslate(DICTIONARIES[locale]);
      expect(t("login.title")).not.toBe(createTranslate(DICTIONARIES.en)("login.title"));
    }
  });

  it("every literal key used in the code exists", () => {
    const keys = new Set(english);
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve("app"))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([a-zA-Z]+\.[\w.]+)"/g)) used.add(match[1] as string);
      for (const match of text.matchAll(/"((?:errors|login|invite|reset|orgs|profile)\.[a-zA-Z.]+)"/g)) {
        used.add(match[1] as string);
      }
    }
    expect([...used].filter((key) => !keys.has(key))).toEqual([]);
  });

  it("picks the language from Accept-Language, else none", () => {
    expect(fromAcceptLanguage("ka-GE,ka;q=0.9,en;q=0.8")).toBe("ka");
    expect(fromAcceptLanguage("de-DE,ru;q=0.5,en;q=0.7")).toBe("en");
    expect(fromAcceptLanguage("de-DE")).toBeNull();
  });
});
