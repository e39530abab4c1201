/**
 * The text of a proposal not sent yet, kept in this browser (localStorage) per round. It is
 * what carries a visitor's words across signing up and opening the verification link (in
 * another tab, or after closing this one), back into the form on the round's page.
 * Sign-out removes every such text: the next person at this computer must not find it.
 */
const PREFIX = "agora.proposal.";
export const PROPOSAL_FIELDS = ["articleId", "quote", "proposedText", "justification"] as const;
type Saved = Partial<Record<(typeof PROPOSAL_FIELDS)[number], string>>;

const storage = (): Storage | null => {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
};

export function saveProposalDraft(roundId: string, form: HTMLFormElement): void {
  const saved: Saved = {};
  for (const name of PROPOSAL_FIELDS) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) saved[name] = field.value;
  }
  storage()?.setItem(PREFIX + roundId, JSON.stringify(saved));
}

/** Fills the fields the person has not typed in yet; returns whether anything was restored. */
export function restoreProposalDraft(roundId: string, form: HTMLFormElement): boolean {
  let saved: Saved;
  try {
    saved = JSON.parse(storage()?.getItem(PREFIX + roundId) ?? "{}") as Saved;
  } catch {
    return false;
  }
  let restored = false;
  for (const name of PROPOSAL_FIELDS) {
    const field = form.elements.namedItem(name);
    const value = saved[name];
    if (!value || !(field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) continue;
    if (field instanceof HTMLTextAreaElement && field.value) continue;
    field.value = value;
    restored = restored || field instanceof HTMLTextAreaElement;
  }
  return restored;
}

export function forgetProposalDraft(roundId: string): void {
  storage()?.removeItem(PREFIX + roundId);
}

export function forgetAllProposalDrafts(): void {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}
