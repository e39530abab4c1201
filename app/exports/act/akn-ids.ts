/**
 * Akoma Ntoso `eId`s from Agora's stable ids. eIds must be NCNames and unique in the
 * document; ours stay the same from version to version because they are the stable ids, not
 * positions: `chp_<id>`, `art_<id>`, `para_<id>` (a part), `point_<id>`. They are flat (not
 * `chp_1__art_3`): an article moved to another chapter keeps its eId. Characters an NCName
 * cannot hold, and the escape character `.` itself, are written `.<hex>.`, so distinct ids
 * never map to the same eId.
 */
export function eIdOf(prefix: string, stableId: string): string {
  const safe = [...stableId]
    .map((c) => (/^[A-Za-z0-9_-]$/.test(c) ? c : `.${c.codePointAt(0)!.toString(16)}.`))
    .join("");
  return `${prefix}_${safe}`;
}

/** NCName: a letter or underscore first, then letters, digits, `.`, `-`, `_` (ASCII subset). */
export const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
