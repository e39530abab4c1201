import { Fragment } from "react";

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/**
 * Comment text as plain text: line breaks kept, http(s) addresses made into links, and
 * nothing ever interpreted as HTML (React escapes every piece).
 */
export function CommentBody({ text }: { text: string }) {
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
              <Fragment key={index}>{part}</Fragment>
            ),
          )}
        </Fragment>
      ))}
    </div>
  );
}
