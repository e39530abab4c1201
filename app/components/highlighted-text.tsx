import type { Segment } from "~/search/highlight";

/** Text with the matched words in <mark>; every piece is a text node, never markup. */
export function HighlightedText({ segments }: { segments: Segment[] }) {
  return (
    <>{segments.map((segment, index) => (segment.hit ? <mark key={index}>{segment.text}</mark> : segment.text))}</>
  );
}
