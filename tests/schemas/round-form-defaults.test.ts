import { describe, expect, it } from "vitest";
import { localDateTimeIn, roundFormDefaults, roundSchema, zonedDateTime } from "~/schemas/round";

describe("the new-round form's defaults", () => {
  const now = new Date("2026-12-02T10:17:42.500Z");

  it("open now and close after the minimum period, in the first zone, to the minute", () => {
    const defaults = roundFormDefaults(360, now);
    expect(defaults).toEqual({ timeZone: "Asia/Yerevan", opensAt: "2026-12-02T14:17", closesAt: "2026-12-17T14:17" });
    // Read back as the action reads them: exactly the minimum apart, and no seconds.
    const opens = zonedDateTime(defaults.opensAt, defaults.timeZone)!;
    expect(opens.toISOString()).toBe("2026-12-02T10:17:00.000Z");
  });

  it("are accepted by the form's own schema as they are", () => {
    const defaults = roundFormDefaults(360, now);
    const parsed = roundSchema(360).safeParse({
      title: "Round",
      description: "",
      audience: "PUBLIC",
      invited: [],
      ...defaults,
    });
    expect(parsed.success).toBe(true);
  });

  it("close at least an hour after opening when there is no minimum", () => {
    expect(roundFormDefaults(0, now).closesAt).toBe("2026-12-02T15:17");
  });

  it("write the wall clock of the zone given", () => {
    expect(localDateTimeIn(now, "UTC")).toBe("2026-12-02T10:17");
    expect(localDateTimeIn(now, "Asia/Yakutsk")).toBe("2026-12-02T19:17");
  });
});
