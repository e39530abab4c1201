import { Fragment, useMemo, type ReactNode } from "react";
import { useMentionPeople } from "./mention-people";

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/**
 * Comment text as plain text: line breaks kept, http(s) addresses made into links, and
 * nothing ever interpreted as HTML (React escapes every piece).
 */
export function CommentBody({ text }: { text: string }) {
  const people = useMentionPeople();
  const mention = useMemo(() => mentionPattern(people.map((p) => p.name)), [people]);
  return (
    <div className="comment-body">
      {text.split("\n").map((line, lineIndex) => (
        <Fragment key={lineIndex}>
          {lineIndex > 0 ? <br /> : null}
          {line.split(URL_PATTERN).map((part, index) =>
            index % 2 === 1 ? (
              <a key={index} href={part} target="_blank" rel="noopener noreferrer nofollow ugc">
                {part}
              </a>
            ) : (
              <Fragment key={index}>{withMentions(part, mention)}</Fragment>
            ),
          )}
        </Fragment>
      ))}
    </div>
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "@Full Name" of the draft's people, longest names first so "@Anna Maria" beats "@Anna". */
function mentionPattern(names: string[]): RegExp | null {
  if (names.length === 0) return null;
  const sorted = [...names].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(@(?:${sorted.join("|")}))`, "g");
}

function withMentions(text: string, pattern: RegExp | null): ReactNode {
  if (!pattern) return text;
  return text.split(pattern).map((piece, index) =>
    index % 2 === 1 ? (
      <span key={index} className="mention">
        {piece}
      </span>
    ) : (
      piece
    ),
  );
}
