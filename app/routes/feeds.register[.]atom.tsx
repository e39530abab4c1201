import type { LoaderFunctionArgs } from "@remix-run/node";
import { ATOM_CONTENT_TYPE, atomXml } from "~/exports/atom-feed";
import { feedLocale, feedOrigin } from "~/boundary/feed-request.server";
import { registerFeed } from "~/models/follow/feeds.server";

/** Atom feed of the public register (only what `draft.viewInRegister` admits: adopted and signed acts). */
export async function loader({ request }: LoaderFunctionArgs) {
  const xml = atomXml(await registerFeed(feedOrigin(request), feedLocale(request)));
  return new Response(xml, { headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": "public, max-age=300" } });
}
