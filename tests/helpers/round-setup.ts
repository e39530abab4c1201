import { db } from "~/utils/db.server";

type Post = (path: string, email: string, fields: Record<string, string> | URLSearchParams) => Promise<Response>;

const DAY = 86_400_000;
const local = (date: Date) => date.toISOString().slice(0, 16);

/**
 * Creates a round through the real form as the draft owner's staff (it freezes a version and
 * starts SCHEDULED, opening tomorrow). Returns its id, read from the redirect.
 */
export async function createRoundAs(
  post: Post,
  email: string,
  draftId: string,
  round: { title: string; audience: "PUBLIC" | "INVITED"; invited?: string[] },
): Promise<string> {
  const fields = new URLSearchParams({
    title: round.title,
    timeZone: "UTC",
    audience: round.audience,
    opensAt: local(new Date(Date.now() + DAY)),
    closesAt: local(new Date(Date.now() + 20 * DAY)),
  });
  for (const id of round.invited ?? []) fields.append("invited", id);
  const response = await post(`/drafts/${draftId}/rounds/new`, email, fields);
  if (response.status !== 302) throw new Error(`round not created: ${response.status}`);
  return response.headers.get("Location")!.split("/").pop()!;
}

/**
 * Moves a round in time, as if the clock had run: OPEN now, or closed in the past and
 * (ANSWERED) with its summary published. Done in the database because the scheduler would
 * otherwise need the round's whole period to pass.
 */
export async function moveRound(roundId: string, status: "OPEN" | "ANSWERED") {
  const now = Date.now();
  await db().consultationRound.update({
    where: { id: roundId },
    data:
      status === "OPEN"
        ? { status, opensAt: new Date(now - DAY), closesAt: new Date(now + 20 * DAY) }
        : {
            status,
            opensAt: new Date(now - 30 * DAY),
            closesAt: new Date(now - 15 * DAY),
            summaryPublishedAt: new Date(now - 10 * DAY),
          },
  });
}
