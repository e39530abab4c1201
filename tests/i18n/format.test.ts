import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { formatDate, formatNumber } from "~/i18n/format";
import { createTranslate } from "~/i18n/translate";

// 31 March 2026, 21:30 UTC = 1 April 2026, 01:30 in Yerevan (UTC+4).
const moment = new Date("2026-03-31T21:30:00Z");
const t = (locale: keyof typeof DICTIONARIES) => createTranslate(DICTIONARIES[locale]);

describe("dates and numbers", () => {
  it("spells dates in each language in the platform's time zone, independent of the runtime's ICU", () => {
    expect(formatDate(t("hy"), moment)).toBe("1 ապրիլի 2026 թ.");
    expect(formatDate(t("ru"), moment, true)).toBe("1 апреля 2026 г., 01:30");
    expect(formatDate(t("ka"), moment)).toBe("1 აპრილი, 2026");
    expect(formatDate(t("en"), moment, true)).toBe("1 April 2026, 01:30");
  });

  it("groups thousands the local way", () => {
    expect(formatNumber("en", 1234567)).toBe("1,234,567");
    expect(formatNumber("hy", 52)).toBe("52");
    expect(formatNumber("ru", 12345.5)).toBe("12\u202f345,5");
  });
});
