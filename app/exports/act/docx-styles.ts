/**
 * The title page's own paragraph style in our DOCX exports. The importer ignores paragraphs
 * in it, so an exported file comes back without its title page turning into a preamble.
 * Shared by the exporter and the importer (a plain module: no server code in it).
 */
export const TITLE_PAGE_STYLE = { id: "AgoraTitlePage", name: "Agora Title Page" };
