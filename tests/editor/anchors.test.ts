import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { ReplaceStep } from "@tiptap/pm/transform";
import {
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
  updateYFragment,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { groupThreads, placeThreads } from "~/components/comments/placement";
import { anchorInText, decodePosition } from "~/editor/anchors";
import { resolvePassage } from "~/editor/passage-map";
import { editorPassageMap, passageForRange, passageRanges, type HighlightThread } from "~/editor/comment-highlights";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { article, part, point, text, type DocNode } from "~/editor/document-json";
import { outlineOf } from "~/editor/outline";
import { uniqueIdsTransaction } from "~/editor/stable-ids";
import { jsonToYUpdate, legalActSchema, yDocToJSON } from "~/editor/yjs-document";

const SENTENCE = "The community head publishes the budget report every quarter.";

describe("passage anchors in one text", () => {
  /** Three clients with the same paragraph, as three people in one draft. */
  function threeClients() {
    const origin = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(SENTENCE)]);
    origin.getXmlFragment(DOCUMENT_FIELD).insert(0, [paragraph]);
    const update = Y.encodeStateAsUpdate(origin);
    return [0, 1, 2].map(() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      const text = (doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      return { doc, text };
    });
  }

  function syncAll(docs: Y.Doc[]) {
    for (const a of docs)
      for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  }

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
    // Positions count as the editor does: one for the paragraph's opening tag, then characters.
    expect(results[0]!.from).toBe(1 + "Each year, The head publishes the ".length);
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

  it("does not grow when someone types right before or right after the passage", () => {
    const [a] = threeClients();
    const start = SENTENCE.indexOf("budget report");
    const end = start + "budget report".length;
    const anchor = anchorInText(a!.text, start, end);
    a!.text.insert(end, "s");
    a!.text.insert(start, "the ");
    expect(resolvePassage(a!.doc, anchor)?.quote).toBe("budget report");
  });

  it("rejects garbage instead of throwing", () => {
    const [a] = threeClients();
    expect(resolvePassage(a!.doc, { start: "not base64!", end: "AAAA" })).toBeNull();
  });
});

/**
 * One person's editor without a browser: an editor document bound to its own Y.Doc as the
 * y-prosemirror binding binds them, node mapping included. Local edits are ProseMirror
 * transactions (plus the stable-id rule) that y-prosemirror's own diff writes into Yjs;
 * after remote updates the editor document is rendered again from Yjs.
 */
class Editor {
  readonly doc = new Y.Doc();
  readonly fragment = this.doc.getXmlFragment(DOCUMENT_FIELD);
  private rendered: ReturnType<typeof initProseMirrorDoc>;

  constructor(update: Uint8Array) {
    Y.applyUpdate(this.doc, update);
    this.rendered = initProseMirrorDoc(this.fragment, legalActSchema());
  }

  get pm(): PMNode {
    return this.rendered.doc;
  }

  render() {
    this.rendered = initProseMirrorDoc(this.fragment, legalActSchema());
  }

  edit(change: (tr: Transaction) => void) {
    let state = EditorState.create({ schema: legalActSchema(), doc: this.pm });
    const tr = state.tr;
    change(tr);
    state = state.apply(tr);
    const fix = uniqueIdsTransaction(state);
    if (fix) state = state.apply(fix);
    this.doc.transact(() => updateYFragment(this.doc, this.fragment, state.doc, this.rendered.meta), ySyncPluginKey);
    this.rendered = { ...this.rendered, doc: state.doc };
  }

  /** Editor position of the first character of `words` (within one run of text). */
  find(words: string): number {
    let found = -1;
    this.pm.descendants((node, pos) => {
      if (found < 0 && node.isText && node.text!.includes(words)) found = pos + node.text!.indexOf(words);
      return found < 0;
    });
    if (found < 0) throw new Error(`"${words}" not found`);
    return found;
  }

  insert(at: number, words: string) {
    this.edit((tr) => tr.insertText(words, at));
  }

  /** A thread on the text from `first` to the end of `last`, made as the comment button makes it. */
  comment(id: string, first: string, last = first): HighlightThread & { articleId: string } {
    const passage = passageForRange(this.map(), this.find(first), this.find(last) + last.length)!;
    return {
      id,
      articleId: passage.articleId!,
      anchorStart: passage.anchor.start,
      anchorEnd: passage.anchor.end,
      quote: passage.quote,
      status: "OPEN",
    };
  }

  map() {
    return editorPassageMap(this.doc, this.fragment, this.rendered.mapping);
  }

  /** What the highlights and the panel use: each thread's range now, and the words the editor shows there. */
  highlighted(threads: HighlightThread[]) {
    const ranges = passageRanges(this.map(), threads);
    const words = new Map([...ranges].map(([id, r]) => [id, this.pm.textBetween(r.from, r.to, " ", "\n")]));
    return { ranges, words };
  }

  /** y-prosemirror's own conversion of the anchors to editor positions, to check ours against. */
  bindingPositions(thread: HighlightThread) {
    return [thread.anchorStart!, thread.anchorEnd!].map((encoded) =>
      relativePositionToAbsolutePosition(this.doc, this.fragment, decodePosition(encoded), this.rendered.mapping),
    );
  }
}

function editors(json: DocNode, count: number) {
  const update = jsonToYUpdate(json);
  return Array.from({ length: count }, () => new Editor(update));
}

/** Everyone exchanges what they have not seen, then their editors render the merged document. */
function sync(all: Editor[]) {
  for (const a of all)
    for (const b of all) if (a !== b) Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
  for (const e of all) e.render();
}

const lines = (first: string, second: string): DocNode => ({
  type: "paragraph",
  content: [text(first), { type: "hardBreak" }, text(second)],
});

const budgetAct: DocNode = {
  type: "doc",
  content: [
    article(
      "a1",
      "Budget reports",
      part("p1", SENTENCE, point("p1-1", "residents may send proposals within 15 days,")),
      part("p2", "The council discusses them in public."),
    ),
    article("a2", "Entry into force", {
      type: "paragraph",
      content: [text("This law enters into force on 1 January.")],
    }),
  ],
};

describe("passages across paragraphs, with real Yjs documents and y-prosemirror's binding logic", () => {
  it("a passage over two paragraphs (a part and its point) survives concurrent inserts before, inside and after it", () => {
    const [a, b, c] = editors(budgetAct, 3);
    const thread = a!.comment("t1", "budget report every quarter.", "residents may send");
    expect(thread.quote).toBe("budget report every quarter. residents may send");
    expect(thread.articleId).toBe("a1");

    b!.insert(b!.find("The community"), "Each year, "); // before, in the same paragraph
    b!.insert(b!.find("budget report"), "whole "); // right before the first quoted word: stays outside
    c!.insert(c!.find("report every") + "report".length, " and audit"); // inside, first paragraph
    c!.insert(c!.find("may send"), "also "); // inside, second paragraph
    a!.insert(a!.find("send proposals") + "send".length, " written"); // right after the last word: stays outside
    a!.insert(a!.find("The council"), "Then "); // after, in the next part
    sync([a!, b!, c!]);

    for (const editor of [a!, b!, c!]) {
      const { ranges, words } = editor.highlighted([thread]);
      expect(words.get("t1")).toBe("budget report and audit every quarter. residents also may send");
      expect(ranges.get("t1")!.articleId).toBe("a1");
      // Our positions are y-prosemirror's own for the same anchors.
      expect(editor.bindingPositions(thread)).toEqual([ranges.get("t1")!.from, ranges.get("t1")!.to]);
    }
    // Without an editor (the server), the same anchors give the same words and article.
    const server = resolvePassage(a!.doc, { start: thread.anchorStart!, end: thread.anchorEnd! });
    expect(server?.quote).toBe("budget report and audit every quarter. residents also may send");
    expect(server?.articleId).toBe("a1");
  });

  it("a passage across a line break keeps both lines while the text around changes", () => {
    const [a, b] = editors(
      {
        type: "doc",
        content: [
          { ...article("a1", "Terms"), content: [{ type: "articleTitle" }, lines("first line", "second line")] },
        ],
      },
      2,
    );
    const thread = a!.comment("t1", "line", "second");
    expect(thread.quote).toBe("line\nsecond");
    a!.insert(a!.find("first"), "The ");
    b!.insert(b!.find("second line") + "second line".length, " and more");
    b!.insert(b!.find("second"), "the ");
    sync([a!, b!]);
    for (const editor of [a!, b!]) {
      const { ranges, words } = editor.highlighted([thread]);
      expect(words.get("t1")).toBe("line\nthe second");
      expect(editor.bindingPositions(thread)).toEqual([ranges.get("t1")!.from, ranges.get("t1")!.to]);
    }
  });

  it("when the words are deleted the passage resolves to null and the panel keeps the thread on its article, as text removed", () => {
    const [a, b] = editors(budgetAct, 2);
    const passage = a!.comment("t1", "budget report every quarter.", "residents may send");
    const whole = a!.comment("t2", "budget"); // a second thread, still resolving, for contrast
    const onArticle = { id: "t3", articleId: "a2", anchorStart: null, anchorEnd: null, quote: null, status: "OPEN" };
    // One person deletes the passage (across both paragraphs) while the other types next to it.
    b!.edit((tr) => tr.delete(b!.find("report every"), b!.find("residents may send") + "residents may send".length));
    a!.insert(a!.find("The community"), "Now ");
    sync([a!, b!]);

    for (const editor of [a!, b!]) {
      const threads = [passage, whole, onArticle];
      const { ranges } = editor.highlighted(threads);
      expect(ranges.has("t1")).toBe(false);
      expect(resolvePassage(editor.doc, { start: passage.anchorStart!, end: passage.anchorEnd! })).toBeNull();

      const placements = placeThreads(threads, ranges);
      expect(placements.get("t1")).toEqual({ articleId: "a1", position: null, anchor: "gone" });
      expect(placements.get("t2")).toMatchObject({ articleId: "a1", anchor: "passage" });
      expect(placements.get("t3")).toEqual({ articleId: "a2", position: null, anchor: "article" });
      const groups = groupThreads(threads, placements, outlineOf(yDocToJSON(editor.doc)));
      expect(groups.map((g) => [g.key, g.threads.map((t) => t.id)])).toEqual([
        ["a1", ["t1", "t2"]],
        ["a2", ["t3"]],
      ]);
    }
  });

  it("an article split that moves the passage into the new article puts the thread under that article", () => {
    const act: DocNode = {
      type: "doc",
      content: [
        article(
          "a1",
          "Budget",
          part("p1", "The head prepares the draft budget."),
          part("p2", "The council adopts the budget by 25 December."),
          part("p3", "The budget is published within 10 days."),
          part("p4", "Amendments follow the same procedure."),
        ),
      ],
    };
    const [a, b] = editors(act, 2);
    const moved = a!.comment("moved", "adopts the budget");
    const stays = a!.comment("stays", "prepares the draft");
    expect([moved.articleId, stays.articleId]).toEqual(["a1", "a1"]);

    // A splits the article before part p2: a new article, with its own title, takes p2..p4.
    a!.edit((tr) => {
      const at = tr.doc.resolve(a!.find("The council")).before(2); // before part p2, inside the article
      const articleType = legalActSchema().nodes.article!;
      const newArticle = articleType.create({ id: null }, [
        legalActSchema().nodes.articleTitle!.create(null, legalActSchema().text("Adoption")),
      ]);
      tr.step(new ReplaceStep(at, at, new Slice(Fragment.from([articleType.create({ id: "a1" }), newArticle]), 1, 1)));
    });
    // Concurrently, B edits inside the passage.
    b!.insert(b!.find("the budget by"), "formally ");
    sync([a!, b!]);

    const outline = outlineOf(yDocToJSON(a!.doc));
    expect(outline.map((e) => e.title)).toEqual(["Budget", "Adoption"]);
    const newId = outline[1]!.id;
    expect(newId).not.toBe("a1");
    for (const editor of [a!, b!]) {
      // The anchors themselves moved with the words (their Yjs items were kept).
      const byAnchors = resolvePassage(editor.doc, { start: moved.anchorStart!, end: moved.anchorEnd! });
      expect(byAnchors).toMatchObject({ quote: "adopts formally the budget", articleId: newId, recovered: false });
      const { ranges, words } = editor.highlighted([moved, stays]);
      expect(words.get("moved")).toBe("adopts formally the budget");
      expect(ranges.get("moved")!.articleId).toBe(newId);
      const placements = placeThreads([moved, stays], ranges);
      expect(placements.get("moved")).toMatchObject({ articleId: newId, anchor: "passage" });
      expect(groupThreads([moved, stays], placements, outline).map((g) => [g.key, g.threads.map((t) => t.id)])).toEqual(
        [
          ["a1", ["stays"]],
          [newId, ["moved"]],
        ],
      );
      // y-prosemirror kept the Yjs items of the larger half (p2..p4, now the new article) and
      // re-created the smaller one, so the anchors of a passage in p1 no longer resolve
      // (y-prosemirror#204); its quote, found once in its saved article, puts it back.
      expect(resolvePassage(editor.doc, { start: stays.anchorStart!, end: stays.anchorEnd! })).toBeNull();
      expect(words.get("stays")).toBe("prepares the draft");
      expect(ranges.get("stays")!.articleId).toBe("a1");
    }
  });

  it("a paragraph split inside the passage keeps the whole passage highlighted", () => {
    const [a, b] = editors(budgetAct, 2);
    const thread = a!.comment("t1", "budget report every");
    // Enter between "budget " and "report", as the editor's splitBlock does.
    a!.edit((tr) => tr.split(a!.find("report every")));
    b!.insert(b!.find("The community"), "Each year, "); // concurrently, before the passage
    sync([a!, b!]);
    expect(a!.pm.child(0).child(1).child(0).textContent).toBe("Each year, The community head publishes the budget ");

    // What Yjs alone says: y-prosemirror shortened the paragraph and inserted the rest as a
    // new one with new items, so the end anchor fell back to the end of the first paragraph.
    const anchorsOnly = resolvePassage(a!.doc, { start: thread.anchorStart!, end: thread.anchorEnd! });
    expect(anchorsOnly?.quote).toBe("budget ");
    // With the saved quote (what the highlights and the panel use), the words are followed
    // across the split: the whole passage, in both paragraphs.
    for (const editor of [a!, b!]) expect(editor.highlighted([thread]).words.get("t1")).toBe("budget  report every");

    // Once the moved words themselves change, the quote no longer matches and only the part
    // the anchors still hold stays highlighted.
    b!.insert(b!.find("report every") + "report".length, "s");
    sync([a!, b!]);
    expect(b!.highlighted([thread]).words.get("t1")).toBe("budget ");
  });

  it("a split just before the passage moves all its words to a new paragraph: they are found there", () => {
    const [a, b] = editors(budgetAct, 2);
    const thread = a!.comment("t1", "budget report");
    a!.edit((tr) => tr.split(a!.find("publishes the")));
    sync([a!, b!]);
    // The anchors alone lost the words: y-prosemirror re-created them in the new paragraph.
    expect(resolvePassage(a!.doc, { start: thread.anchorStart!, end: thread.anchorEnd! })).toBeNull();
    for (const editor of [a!, b!]) expect(editor.highlighted([thread]).words.get("t1")).toBe("budget report");
  });

  it("the panel lists an article's threads in the order of the text, whatever order they were written in", () => {
    const [a, b] = editors(budgetAct, 2);
    const threads = [
      a!.comment("late", "The council discusses"),
      { id: "whole", articleId: "a1", anchorStart: null, anchorEnd: null, quote: null, status: "OPEN" },
      a!.comment("middle", "residents may send"),
      a!.comment("early", "community head"),
      a!.comment("other", "enters into force"),
    ];
    b!.insert(b!.find("The council"), "Afterwards "); // text moves; the order follows it
    sync([a!, b!]);
    const placements = placeThreads(threads, b!.highlighted(threads).ranges);
    const groups = groupThreads(threads, placements, outlineOf(yDocToJSON(b!.doc)));
    expect(groups.map((g) => [g.key, g.threads.map((t) => t.id)])).toEqual([
      ["a1", ["whole", "early", "middle", "late"]],
      ["a2", ["other"]],
    ]);
  });
});
