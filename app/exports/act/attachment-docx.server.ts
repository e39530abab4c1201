import type { DocNode } from "~/editor/document-json";
import type { Locale } from "~/i18n/config";
import { draftTitle } from "~/i18n/localized-name";
import { serverT } from "~/i18n/server-t.server";
import type { AttachmentKindName } from "~/models/attachments/attachment-kinds";
import { actToDocx } from "./act-docx.server";
import { actSourceOf } from "./act-source.server";

type DraftFields = Parameters<typeof actSourceOf>[0]["draft"];

/**
 * An attachment written in the editor as the Word document of the dossier: the same official
 * layout as the act, with the attachment's kind and title in the title block and "Attachment
 * to: <the act's title>" in the footer, all in the text's language. `sha256` is that of the
 * attachment's plain text (the one a frozen version records), so the footer names the text.
 */
export async function writtenAttachmentDocx(input: {
  draft: DraftFields;
  attachment: { kind: AttachmentKindName; title: string };
  doc: DocNode;
  date: Date;
  locale: Locale;
}): Promise<Buffer> {
  const source = actSourceOf({
    draft: input.draft,
    version: null,
    doc: input.doc,
    locale: input.locale,
    now: input.date,
  });
  const t = serverT(source.language);
  return actToDocx({
    ...source,
    labels: {
      ...source.labels,
      title: input.attachment.title,
      kind: t(`attachments.kinds.${input.attachment.kind}`),
      version: t("exports.attachmentOf", { title: draftTitle(input.draft, source.language) }),
    },
  });
}
