import { describe, expect, it } from "vitest";
import { excerpt, highlight } from "~/search/highlight";
import { queryTerms, searchWords } from "~/search/search-words";

describe("search words", () => {
  it("folds every script and drops punctuation, so both databases see the same words", () => {
    const mtavruli = "ᲛᲣᲜᲘᲪᲘᲞᲐᲚᲘᲢᲔᲢᲘ";
    expect(searchWords(`«ՀԱՄԱՅՆՔ»։ ${mtavruli}, Бюджет-2026; Budget.`)).toBe(
      "համայնք მუნიციპალიტეტი бюджет 2026 budget",
    );
    expect(queryTerms("  Бюджет бюджет  ՀԱՄ ")).toEqual(["бюджет", "համ"]);
    expect(queryTerms("«» ... ")).toEqual([]);
  });
});

describe("highlight", () => {
  it("marks whole words starting with a term (a stem), in any case, and keeps everything else as plain text", () => {
    expect(highlight("<b>ՀԱՄԱՅՆՔԻ</b> budget", ["համայնք"])).toEqual([
      { text: "<b>", hit: false },
      { text: "ՀԱՄԱՅՆՔԻ", hit: true },
      { text: "</b> budget", hit: false },
    ]);
    expect(highlight("no match here", ["zzz"])).toEqual([{ text: "no match here", hit: false }]);
  });

  it("cuts a long text around the first matched word", () => {
    const long = `${"word ".repeat(200)}needle ${"tail ".repeat(200)}`;
    const cut = excerpt(long, ["needle"]);
    expect(cut).toContain("needle");
    expect(cut.startsWith("… ")).toBe(true);
    expect(cut.endsWith(" …")).toBe(true);
    expect(cut.length).toBeLessThan(260);
  });
});
