import { describe, expect, it } from "vitest";
import { timeLeftParts } from "~/components/rounds/countdown";

const minutes = (n: number) => n * 60_000;

describe("the time left on an open round", () => {
  it("is told in its two largest units", () => {
    expect(timeLeftParts(minutes(3 * 24 * 60 + 4 * 60 + 30))).toEqual([
      { unit: "d", value: 3 },
      { unit: "h", value: 4 },
    ]);
    expect(timeLeftParts(minutes(5 * 60 + 20))).toEqual([
      { unit: "h", value: 5 },
      { unit: "min", value: 20 },
    ]);
    expect(timeLeftParts(minutes(2 * 24 * 60))).toEqual([{ unit: "d", value: 2 }]);
  });

  it("never says zero while the round is still open", () => {
    expect(timeLeftParts(1_000)).toEqual([{ unit: "min", value: 1 }]);
  });
});
