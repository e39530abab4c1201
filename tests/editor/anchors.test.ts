import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { anchorInText, resolvePassage } from "~/editor/anchors";

const SENTENCE = "The community head publishes the budget report every quarter.";

/** Three clients with the same paragraph, as three people in one draft. */
function threeClients() {
  const origin = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(SENTENCE)]);
  origin.getXmlFragment("default").insert(0, [paragraph]);
  const update = Y.encodeStateAsUpdate(origin);
  return [0, 1, 2].map(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const text = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    return { doc, text };
  });
}

function syncAll(docs: Y.Doc[]) {
  for (const a of docs)
    for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe("passage anchors", () => {
  it("stay on the same words while others insert and delete before, inside and after, concurrently", () => {
    const [a, b, c] = threeClients();
    const start = SENTENCE.indexOf("budget report");
    const anchor = anchorInText(a!.text, start, start + "budget report".length);

    b!.text.insert(0, "Each year, ");
    b!.text.delete("Each year, ".length + SENTENCE.indexOf("community "), "community ".length);
    c!.text.insert(start + "budget ".length, "annual ");
    c!.text.insert(start + "budget report".length + "annual ".length, " and the audit");
    a!.text.insert(SENTENCE.length, " Published online.");
    syncAll([a!.doc, b!.doc, c!.doc]);

    const results = [a, b, c].map((client) => resolvePassage(client!.doc, anchor));
    for (const result of results) expect(result?.quote).toBe("budget annual report");
    expect(a!.text.toString()).toBe(c!.text.toString());
    expect(results[0]!.text.toString().slice(0, results[0]!.start)).toBe("Each year, The head publishes the ");
  });

  it("falls back (null) when the quoted words are deleted, even while someone types next to them", () => {
    const [a, b] = threeClients();
    const start = SENTENCE.indexOf("budget report");
    const anchor = anchorInText(a!.text, start, start + "budget report".length);
    b!.text.delete(start, "budget report".length);
    a!.text.insert(0, "Now: ");
    syncAll([a!.doc, b!.doc]);
    expect(resolvePassage(a!.doc, anchor)).toBeNull();
    expect(resolvePassage(b!.doc, anchor)).toBeNull();
  });

  it("does not grow when someone types right after the passage", () => {
    const [a] = threeClients();
    const start = SENTENCE.indexOf("budget report");
    const end = start + "budget report".length;
    const anchor = anchorInText(a!.text, start, end);
    a!.text.insert(end, "s");
    a!.text.insert(start, "the ");
    expect(resolvePassage(a!.doc, anchor)?.quote).toBe("budget report");
  });

  it("keeps the words that stay when the paragraph is split inside the passage", () => {
    const [a] = threeClients();
    const start = SENTENCE.indexOf("budget report");
    const anchor = anchorInText(a!.text, start, start + "budget report".length);
    // A split in y-prosemirror = delete the tail and insert it as a new paragraph (y-prosemirror#204).
    const splitAt = start + "budget ".length;
    const tail = SENTENCE.slice(splitAt);
    a!.doc.transact(() => {
      a!.text.delete(splitAt, tail.length);
      const next = new Y.XmlElement("paragraph");
      next.insert(0, [new Y.XmlText(tail)]);
      a!.doc.getXmlFragment("default").insert(1, [next]);
    });
    // The moved tail is a new text (y-prosemirror#204): the thread stays on what remained.
    expect(resolvePassage(a!.doc, anchor)?.quote).toBe("budget ");
  });

  it("rejects garbage instead of throwing", () => {
    const [a] = threeClients();
    expect(resolvePassage(a!.doc, { start: "not base64!", end: "AAAA" })).toBeNull();
  });
});
