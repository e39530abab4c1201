/**
 * The request boundary: what every loader and action goes through, between the HTTP
 * request and the models. Models take typed values and never see a Request or FormData;
 * permissions are decided here, with `can()`, before a model runs.
 *
 * Usage in a route:
 *
 *   export async function loader({ request, params }: LoaderFunctionArgs) {
 *     // 404 when missing or hidden from this person, 403 when visible but not allowed.
 *     const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
 *     return { draft, canShare: can(user.actor, "draft.share", resource) };
 *   }
 *
 *   export async function action({ request, params }: ActionFunctionArgs) {
 *     return handleIntents(request, {
 *       audit: { prefix: "round", objectType: "ConsultationRound", objectId: params.roundId },
 *       intents: {
 *         answer: async ({ parse }) => {
 *           const { user, round } = await requireRound(request, params.roundId, "round.answer");
 *           await answerProposal(user!, round.id, parse(AnswerSchema)); // RuleError → 409 + audit row
 *           return { message: "rounds.answered" };
 *         },
 *       },
 *     });
 *   }
 *
 * For what needs no loading (the platform, an organization, oneself):
 * `await allow(request, user, "organization.update", { type: "organization", id })`.
 * A page whose very existence is private: `allow(..., { hide: true })` answers 404.
 */
export { allow } from "./allow.server";
export { guard, toLogin } from "./guard.server";
export { forbidden, found, notFound } from "./http-errors.server";
export { handleForm, handleIntents, InvalidInput, type ActionResult, type IntentContext } from "./intents.server";
export { requireDraft, requireReview, requireRound } from "./resources.server";
export { requireMeeting, requireMeetingBody } from "./meeting-resources.server";
