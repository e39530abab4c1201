import type { LoaderFunctionArgs } from "@remix-run/node";
import { ATOM_CONTENT_TYPE, atomXml } from "~/exports/atom-feed";
import { feedLocale, feedOrigin } from "~/boundary/feed-request.server";
import { roundsFeed } from "~/models/follow/feeds.server";

/** Atom feed of public consultation rounds; the model asks the policy about every round. */
export async function loader({ request }: LoaderFunctionArgs) {
  const xml = atomXml(await roundsFeed(feedOrigin(request), feedLocale(request)));
  return new Response(xml, { headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": "public, max-age=300" } });
}
