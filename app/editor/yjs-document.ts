import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { DocNode } from "./document-json";
import { legalActExtensions } from "./extensions";

import { DOCUMENT_FIELD } from "./document-field";

let cachedSchema: ReturnType<typeof getSchema> | undefined;
export function legalActSchema() {
  cachedSchema ??= getSchema(legalActExtensions());
  return cachedSchema;
}

/** Reads a Yjs document through the shared schema (invalid structure is dropped, not trusted). */
export function yDocToJSON(doc: Y.Doc): DocNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), legalActSchema()).toJSON() as DocNode;
}

/** Builds the Yjs state of a new draft from ProseMirror JSON (templates, imports, demo data). */
export function jsonToYUpdate(json: DocNode): Uint8Array {
  const doc = prosemirrorJSONToYDoc(legalActSchema(), json, DOCUMENT_FIELD);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
