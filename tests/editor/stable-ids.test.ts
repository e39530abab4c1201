import { EditorState } from "@tiptap/pm/state";
import { updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { article, part, type DocNode } from "~/editor/document-json";
import { duplicateIds, outlineOf } from "~/editor/outline";
import { uniqueIdsTransaction } from "~/editor/stable-ids";
import { jsonToYUpdate, legalActSchema, yDocToJSON } from "~/editor/yjs-document";

const base: DocNode = {
  type: "doc",
  content: [article("a1", "Scope", part("p1", "First sentence. Second sentence.")), article("a2", "Terms")],
};

/** One editing client: a ProseMirror state bound to its own Y.Doc, the way y-prosemirror binds them. */
function client(update: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const state = () =>
    EditorState.create({ schema: legalActSchema(), doc: legalActSchema().nodeFromJSON(yDocToJSON(doc)) });
  /** Applies a local edit, then the stable-id rule (appendTransaction), then writes it into Yjs. */
  const edit = (change: (s: EditorState) => EditorState) => {
    let next = change(state());
    const fix = uniqueIdsTransaction(next);
    if (fix) next = next.apply(fix);
    doc.transact(() =>
      updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FIELD), next.doc, { mapping: new Map(), isOMark: new Map() }),
    );
  };
  return { doc, state, edit };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Splits part p1 in two inside its paragraph, as Enter on a structural node does: attributes are copied. */
function splitFirstPart(state: EditorState): EditorState {
  let position = -1;
  state.doc.descendants((node, pos) => {
    if (position < 0 && node.isText && node.text?.includes("Second")) position = pos + node.text.indexOf("Second");
    return position < 0;
  });
  return state.apply(state.tr.split(position, 2));
}

/** Pastes a copy of article a2 (same id) at the end, as copy and paste does. */
function pasteCopyOfSecondArticle(state: EditorState): EditorState {
  const copy = state.doc.child(1);
  return state.apply(state.tr.insert(state.doc.content.size, copy));
}

describe("stable ids", () => {
  it("a split or a paste never leaves two nodes with one id, and the original keeps its id", () => {
    const one = client(jsonToYUpdate(base));
    const plainSplit = splitFirstPart(one.state());
    expect(duplicateIds(plainSplit.doc.toJSON() as DocNode)).toEqual(["p1"]);
    one.edit(splitFirstPart);
    one.edit(pasteCopyOfSecondArticle);
    const json = yDocToJSON(one.doc);
    expect(duplicateIds(json)).toEqual([]);
    const ids = outlineOf(json).map((entry) => entry.id);
    expect(ids).toEqual(["a1", "a2", expect.any(String)]);
    expect(ids[2]).not.toBe("a2");
    expect(JSON.stringify(json)).toContain('"id":"p1"');
  });

  it("two people splitting and pasting the same articles at once end with unique ids on both sides", () => {
    const update = jsonToYUpdate(base);
    const a = client(update);
    const b = client(update);
    a.edit(splitFirstPart);
    b.edit(splitFirstPart);
    a.edit(pasteCopyOfSecondArticle);
    b.edit(pasteCopyOfSecondArticle);
    sync(a.doc, b.doc);
    // After the merge each client runs the same rule again on what it received.
    a.edit((s) => s);
    b.edit((s) => s);
    sync(a.doc, b.doc);
    const left = yDocToJSON(a.doc);
    const right = yDocToJSON(b.doc);
    expect(left).toEqual(right);
    expect(duplicateIds(left)).toEqual([]);
    const ids = outlineOf(left).map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === "a2")).toHaveLength(1);
    expect(JSON.stringify(left).match(/"id":"p1"/g)).toHaveLength(1);
  });
});
