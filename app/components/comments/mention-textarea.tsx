import { useId, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from "react";
import { useT } from "~/i18n/use-t";
import { matchPeople, mentionQueryAt, useMentionPeople, type MentionPerson } from "./mention-people";

/**
 * A comment textarea that suggests people after "@": arrows choose, Enter or Tab inserts
 * "@Full Name ", Escape closes the list. Works as a plain textarea without JavaScript.
 */
export function MentionTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const t = useT();
  const people = useMentionPeople();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [suggestions, setSuggestions] = useState<MentionPerson[]>([]);
  const [active, setActive] = useState(0);

  const refresh = () => {
    const area = ref.current;
    if (!area) return;
    const found = mentionQueryAt(area.value, area.selectionStart);
    setSuggestions(found ? matchPeople(people, found.query) : []);
    setActive(0);
  };

  const insert = (person: MentionPerson) => {
    const area = ref.current;
    if (!area) return;
    const found = mentionQueryAt(area.value, area.selectionStart);
    if (!found) return;
    const before = area.value.slice(0, found.start);
    const after = area.value.slice(area.selectionStart);
    area.value = `${before}@${person.name} ${after}`;
    const caret = before.length + person.name.length + 2;
    area.setSelectionRange(caret, caret);
    area.focus();
    setSuggestions([]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      insert(suggestions[active]!);
    } else if (event.key === "Escape") {
      event.stopPropagation();
      setSuggestions([]);
    }
  };

  return (
    <div className="mention-field">
      <textarea
        {...props}
        ref={ref}
        onInput={refresh}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setSuggestions([]), 150)}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={suggestions.length > 0 ? `${listId}-${active}` : undefined}
      />
      {suggestions.length > 0 ? (
        <ul className="mention-suggestions" id={listId} role="listbox" aria-label={t("comments.mentionSomeone")}>
          {suggestions.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              data-testid="mention-suggestion"
              onMouseDown={(event) => {
                event.preventDefault();
                insert(person);
              }}
            >
              @{person.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
