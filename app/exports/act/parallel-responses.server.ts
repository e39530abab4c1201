import { exportDisposition } from "./act-responses.server";
import { textsToParallelDocx } from "./parallel-docx.server";
import { textsToAknZip } from "./parallel-akn.server";
import type { TextSetMember } from "./text-set.server";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "hy-ru": the texts' languages in the file name, after the main text's kind, title and version. */
const languages = (members: TextSetMember[]) => members.map((m) => m.source.language).join("-");

/** Every text of the act in parallel columns, as Word. */
export async function parallelDocxDownload(members: TextSetMember[], cache = "private, no-store"): Promise<Response> {
  const main = members[0]!.source;
  return new Response(new Uint8Array(await textsToParallelDocx(members)), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": exportDisposition(main, `${languages(members)}.docx`),
      "Cache-Control": cache,
    },
  });
}

/** Every text of the act as Akoma Ntoso, one document per language expression, in a ZIP. */
export function aknZipDownload(members: TextSetMember[], cache = "private, no-store"): Response {
  const main = members[0]!.source;
  return new Response(new Uint8Array(textsToAknZip(members)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": exportDisposition(main, `${languages(members)}.akn.zip`),
      "Cache-Control": cache,
    },
  });
}
