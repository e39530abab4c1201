/** The Y.XmlFragment field Tiptap's Collaboration extension binds to, on every side. */
export const DOCUMENT_FIELD = "default";
