import { describe, expect, it } from "vitest";
import { article, paragraph } from "~/editor/document-json";
import { readStoredDocument, StoredDocumentError } from "~/editor/stored-document";

describe("readStoredDocument", () => {
  it("returns a stored ProseMirror document as it is", () => {
    const doc = { type: "doc", content: [article("a1", "Scope", paragraph("Text"))] };
    expect(readStoredDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it("refuses what is not a whole document, naming where it is wrong", () => {
    expect(() => readStoredDocument(null)).toThrow(StoredDocumentError);
    expect(() => readStoredDocument("doc")).toThrow(/\$ is not a doc node/);
    expect(() => readStoredDocument({ type: "paragraph" })).toThrow(/is not a doc node/);
    expect(() => readStoredDocument({ type: "doc", content: "text" })).toThrow(/content that is not a list/);
    expect(() =>
      readStoredDocument({ type: "doc", content: [{ type: "paragraph", content: [{ text: "x" }] }] }),
    ).toThrow(/\$\.content\[0\]\.content\[0\] has no type/);
    expect(() => readStoredDocument({ type: "doc", content: [{ type: "text", text: 5 }] })).toThrow(/text that is not/);
    expect(() => readStoredDocument({ type: "doc", content: [{ type: "text", text: "x", marks: [1] }] })).toThrow(
      /marks/,
    );
  });

  it("checks a document nested far deeper than the call stack allows", () => {
    let node: Record<string, unknown> = { type: "text", text: "deep" };
    for (let i = 0; i < 100_000; i++) node = { type: "bulletList", content: [node] };
    expect(readStoredDocument({ type: "doc", content: [node] }).type).toBe("doc");
  });
});
