/**
 * Atom feeds (RFC 4287), built as text from plain values so the builder stays a pure
 * function: the loader gathers what is public and translates it.
 */
export type AtomEntry = {
  /** Permanent IRI of the entry (its public page). */
  id: string;
  title: string;
  updated: Date;
  /** The public page (rel="alternate"). */
  link: string;
  summary: string;
};

export type AtomFeed = {
  id: string;
  title: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The HTML page the feed follows (rel="alternate"). */
  alternate: string;
  /** BCP 47 tag of the titles and summaries (xml:lang). */
  language: string;
  author: string;
  entries: AtomEntry[];
};

/** Only characters XML 1.0 allows, with markup characters escaped. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- naming the control characters XML forbids is the point
      .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

/**
 * The feed's `updated` is its newest entry's (an empty feed: the epoch, so it never claims
 * a change that did not happen); times are RFC 3339 in UTC.
 */
export function atomXml(feed: AtomFeed): string {
  const newest = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${xmlText(e.id)}</id>
    <title>${xmlText(e.title)}</title>
    <updated>${e.updated.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>
    <summary>${xmlText(e.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">
  <id>${xmlText(feed.id)}</id>
  <title>${xmlText(feed.title)}</title>
  <updated>${newest.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>
  <author><name>${xmlText(feed.author)}</name></author>
${entries.join("")}</feed>
`;
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
