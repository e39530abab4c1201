import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AUTHOR_COLORS, colorFor } from "~/components/editor/author-colors";

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The backgrounds the editor's text stands on, as the stylesheet defines them. */
function stylesheetColor(name: string): string {
  const css = readFileSync("app/styles/app.css", "utf8");
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, "i").exec(css)?.[1];
  if (!value) throw new Error(`--${name} is not a #rrggbb colour in app.css`);
  return value;
}

describe("each person's colour in the editor", () => {
  it("is text of AA contrast (4.5:1) on the paper and on the canvas, whichever colour a person gets", () => {
    const backgrounds = [stylesheetColor("paper"), stylesheetColor("canvas")];
    const failing = AUTHOR_COLORS.flatMap((color) =>
      backgrounds
        .map((background) => ({ color, background, ratio: contrast(color, background) }))
        .filter(({ ratio }) => ratio < 4.5)
        .map(({ color, background, ratio }) => `${color} on ${background}: ${ratio.toFixed(2)}`),
    );
    expect(failing).toEqual([]);
  });

  it("is the same for the same person and spread over the colours", () => {
    expect(colorFor("cmx7jzmjt000req7dvzj31zmj")).toBe(colorFor("cmx7jzmjt000req7dvzj31zmj"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => colorFor(`user-${i}`)));
    expect(used.size).toBe(AUTHOR_COLORS.length);
  });
});
