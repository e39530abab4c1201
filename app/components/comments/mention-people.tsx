import { createContext, useContext } from "react";
import { toLatin } from "~/i18n/transliterate";

export type MentionPerson = { id: string; name: string };

/** The people of the draft one can mention in comments ("@Full Name"). */
export const MentionPeople = createContext<MentionPerson[]>([]);

export const useMentionPeople = () => useContext(MentionPeople);

/**
 * People whose name matches what follows "@": any word of the name starts with it, in any
 * case and in any script: "anahit" finds "Անահիտ Սարգսյան", "nino" finds "ნინო", "olga" finds
 * "Ольга" (both sides in Latin letters).
 */
export function matchPeople(people: MentionPerson[], query: string, limit = 6): MentionPerson[] {
  const wanted = query.toLocaleLowerCase();
  const wantedLatin = toLatin(query);
  return people
    .filter((person) =>
      person.name
        .toLocaleLowerCase()
        .split(/\s+/)
        .some((word) => word.startsWith(wanted) || toLatin(word).startsWith(wantedLatin)),
    )
    .slice(0, limit);
}

/** The "@…" being typed just before the caret, if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]! } : null;
}
