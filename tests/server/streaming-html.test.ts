import { PassThrough, type Transform } from "node:stream";
import { createElement as h, Suspense, type ReactElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { stripNulBytes } from "~/utils/strip-nul-bytes.server";

/** A page-sized run of Armenian and Georgian text, shifted by `offset` ASCII bytes so some letter straddles 2,048 bytes. */
function page(offset: number): ReactElement {
  return h(
    Suspense,
    { fallback: null },
    h(
      "main",
      null,
      h("p", null, "x".repeat(offset)),
      // Short texts: React copies each into its 2,048-byte buffer (long ones it writes directly).
      ...Array.from({ length: 300 }, (_, i) => h("span", { key: i }, i % 2 ? "ամսաթիվ " : "თარიღი ")),
    ),
  );
}

function streamed(element: ReactElement, through: Transform): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    through.on("data", (chunk: Buffer) => chunks.push(chunk));
    through.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(through), onError: reject });
  });
}

describe("streamed HTML", () => {
  it("never carries NUL characters, and is byte for byte what React renders as a string", async () => {
    let rawWithNul = 0;
    for (let offset = 0; offset < 6; offset++) {
      const expected = renderToString(page(offset));
      const raw = await streamed(page(offset), new PassThrough());
      if (raw.includes(0)) rawWithNul++;
      const cleaned = (await streamed(page(offset), stripNulBytes())).toString("utf8");
      expect(cleaned.includes("\u0000"), `offset ${offset}`).toBe(false);
      // Streaming marks the Suspense boundary differently; the text around it is the same.
      expect(cleaned.replace(/<!--[^>]*-->/g, ""), `offset ${offset}`).toBe(expected.replace(/<!--[^>]*-->/g, ""));
    }
    // Why the filter exists (react#24985): React 18 leaks them for some offsets. Logged, not asserted,
    // so that a React that no longer does keeps this test green.
    console.log(`raw React stream had NUL bytes for ${rawWithNul} of 6 offsets`);
  });

  it("drops zero bytes wherever a chunk has them and leaves other chunks untouched", async () => {
    const through = stripNulBytes();
    const out: Buffer[] = [];
    through.on("data", (chunk: Buffer) => out.push(chunk));
    const done = new Promise((resolve) => through.on("end", resolve));
    through.write(Buffer.from("ամսաթ", "utf8"));
    through.write(Buffer.from([0, 0, 0xd5, 0xab, 0]));
    through.end(Buffer.from("վ։", "utf8"));
    await done;
    expect(Buffer.concat(out).toString("utf8")).toBe("ամսաթիվ։");
  });
});
