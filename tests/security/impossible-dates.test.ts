import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/forms";
import { AddMembershipSchema } from "~/schemas/collegium";
import { SendReviewSchema } from "~/schemas/review";
import { roundSchema } from "~/schemas/round";

/**
 * Row 14: a date that does not exist is refused with a message next to its field, never
 * rolled over into another day (30 February used to become 2 March). Every date field of
 * the platform's forms: round opening and closing, review due date, collegium term.
 */
const IMPOSSIBLE_DAYS = [
  "2027-02-30",
  "2027-02-29",
  "2027-13-01",
  "2027-00-10",
  "0000-01-01",
  "0050-06-01",
  "2027-04-31",
];
const IMPOSSIBLE_MOMENTS = [
  ...IMPOSSIBLE_DAYS.map((day) => `${day}T10:00`),
  "2027-03-01T99:99",
  "2027-03-01T24:00",
  "2027-03-01T10:60",
  "2027-03-01T10:00:61",
];

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("impossible dates", () => {
  it("are refused on a round's opening and closing time", () => {
    for (const moment of IMPOSSIBLE_MOMENTS) {
      const base = { title: "Round", timeZone: "Asia/Yerevan", audience: "PUBLIC" };
      const opens = parseForm(roundSchema(0), form({ ...base, opensAt: moment, closesAt: "2099-01-01T10:00" }));
      expect(opens.ok ? "accepted" : opens.errors.opensAt, moment).toBe("errors.dateTime");
      const closes = parseForm(roundSchema(0), form({ ...base, opensAt: "2027-01-01T10:00", closesAt: moment }));
      expect(closes.ok ? "accepted" : closes.errors.closesAt, moment).toBe("errors.dateTime");
    }
  });

  it("are refused on a review's due date", () => {
    for (const moment of IMPOSSIBLE_MOMENTS) {
      const parsed = parseForm(SendReviewSchema, form({ bodyId: "b", versionId: "v", dueAt: moment, timeZone: "UTC" }));
      expect(parsed.ok ? "accepted" : parsed.errors.dueAt, moment).toBe("errors.dateTime");
    }
  });

  it("are refused on a collegium term's first and last day", () => {
    for (const day of IMPOSSIBLE_DAYS) {
      const start = parseForm(AddMembershipSchema, form({ personName: "A. Person", role: "MEMBER", termStart: day }));
      expect(start.ok ? "accepted" : start.errors.termStart, day).toBe("collegium.errors.date");
      const end = parseForm(
        AddMembershipSchema,
        form({ personName: "A. Person", role: "MEMBER", termStart: "2020-01-01", termEnd: day }),
      );
      expect(end.ok ? "accepted" : end.errors.termEnd, day).toBe("collegium.errors.date");
    }
  });

  it("still accept real ones, 29 February of a leap year and 23:59 included", () => {
    const round = parseForm(
      roundSchema(0),
      form({
        title: "R",
        timeZone: "UTC",
        audience: "PUBLIC",
        opensAt: "2028-02-29T23:59",
        closesAt: "2028-03-01T00:00",
      }),
    );
    expect(round.ok && round.value.opensAt.toISOString()).toBe("2028-02-29T23:59:00.000Z");
  });
});
