import type { DocNode } from "./document-json";

/**
 * A stored document (a version's `content`, a snapshot's JSON) that is not ProseMirror
 * JSON of a whole document: a damaged row or one written by something else. Said once,
 * with the place inside the JSON, instead of failing later as `undefined` deep in a render.
 */
export class StoredDocumentError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`stored document is not a ProseMirror document: ${path} ${problem}`);
    this.name = "StoredDocumentError";
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The one way stored document JSON becomes a `DocNode`: checks the shape of every node
 * (a `type`, optional `attrs` object, `content` array, `text` string, `marks` list) and
 * that the root is a `doc`. Walks with its own stack, so a deeply nested document cannot
 * overflow the call stack while being checked.
 */
export function readStoredDocument(json: unknown): DocNode {
  if (!isRecord(json) || json.type !== "doc") throw new StoredDocumentError("$", "is not a doc node");
  const pending: { node: unknown; path: string }[] = [{ node: json, path: "$" }];
  while (pending.length > 0) {
    const { node, path } = pending.pop()!;
    if (!isRecord(node)) throw new StoredDocumentError(path, "is not an object");
    if (typeof node.type !== "string" || node.type === "") throw new StoredDocumentError(path, "has no type");
    if (node.attrs !== undefined && node.attrs !== null && !isRecord(node.attrs)) {
      throw new StoredDocumentError(path, "has attrs that are not an object");
    }
    if (node.text !== undefined && typeof node.text !== "string") {
      throw new StoredDocumentError(path, "has text that is not a string");
    }
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks) || !node.marks.every((mark) => isRecord(mark) && typeof mark.type === "string")) {
        throw new StoredDocumentError(path, "has marks that are not a list of marks");
      }
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) throw new StoredDocumentError(path, "has content that is not a list");
      node.content.forEach((child, index) => pending.push({ node: child, path: `${path}.content[${index}]` }));
    }
  }
  return json as DocNode;
}
