import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { UnreadableDocumentError } from "~/models/documents/unreadable-document.server";

/**
 * Runs a step that reads a draft's text (freezing a version, exporting, comparing) and turns
 * an unreadable text into a 422 with a message in the reader's language, instead of a 500:
 * the request was understood, this draft's text is what cannot be processed. Pages show it
 * through the error page; downloads get the message as plain text.
 */
export async function orUnreadableDocument<T>(
  request: Request,
  userLocale: string | null | undefined,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    const t = serverT(resolveLocale(request, userLocale));
    throw new Response(t("unreadableDocument.text"), {
      status: 422,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
