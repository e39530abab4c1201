/**
 * The one way actions read a submitted form. Whatever arrives that is not a form (JSON,
 * plain text, no content type: 415), a body too big to be a form of ours (413), or a form
 * that cannot be parsed (a broken multipart, a multipart without boundary: 400) ends as a
 * clear 4xx answer instead of the parser's exception turning into a 500.
 *
 * Multipart bodies are parsed by the platform's own FormData parser, which reads quoted
 * file names as browsers write them: Remix's multipart parser refused a name such as
 * «Закон «о бюджете»; ред.=3.docx» (a `;` or `=` inside the quotes) with an exception.
 */

/** Ordinary forms: far above the longest legitimate one (a 10,000-character proposal). */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export function badInput(status: 400 | 413 | 415): Response {
  const text = { 400: "Bad Request", 413: "Payload Too Large", 415: "Unsupported Media Type" }[status];
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The request body, refused with a 413 as soon as it grows past `maxBytes`. */
async function boundedBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw badInput(413);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw badInput(413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readForm(request: Request, options: { maxBytes?: number } = {}): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType)) throw badInput(415);
  const body = await boundedBody(request, options.maxBytes ?? MAX_FORM_BYTES);
  try {
    return await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw badInput(400);
  }
}
