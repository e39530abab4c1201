import {
  draftsToEdit,
  myMeetings,
  myProposals,
  proposalsToAnswer,
  reviewsToDecide,
  roundsOpenToMe,
  suggestionsToDecide,
  type QueuePerson,
} from "./queue-sections.server";

/**
 * A signed-in person's home page: what waits for them, section by section. Each section is
 * one function in queue-sections.server.ts; adding one (a meeting to attend) is a line here.
 * `now` is injectable so tests decide what "open" and "due" mean.
 */
export async function loadWorkQueue(person: QueuePerson, now = new Date()) {
  const [drafts, rounds, answers, reviews, proposals, meetings, suggestions] = await Promise.all([
    draftsToEdit(person),
    roundsOpenToMe(person, now),
    proposalsToAnswer(person),
    reviewsToDecide(person, now),
    myProposals(person),
    myMeetings(person, now),
    suggestionsToDecide(person),
  ]);
  return { drafts, rounds, answers, reviews, proposals, meetings, suggestions };
}

export type WorkQueue = Awaited<ReturnType<typeof loadWorkQueue>>;
