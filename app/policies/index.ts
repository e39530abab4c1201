import { membershipIn, type MaybeActor } from "./actor";
import { commentRules, type CommentResource, type ThreadResource } from "./comments";
import { draftRules, type DraftResource } from "./drafts";
import { collegiumRules, type CollegiumResource, type ReviewResource } from "./collegium";
import { moderationRules } from "./moderation";
import { registerRules } from "./register";
import { roundRules, type RoundResource } from "./rounds";

export * from "./actor";
export * from "./comments";
export * from "./drafts";
export * from "./collegium";
export * from "./moderation";
export * from "./register";
export * from "./rounds";

/**
 * The one place permissions are decided: `can(actor, action, resource)`, pure and
 * synchronous. Loaders, actions and the collab server call it; none of them decides alone.
 */
export type Resource =
  | { type: "platform" }
  | { type: "organization"; id: string }
  | { type: "user"; id: string }
  | DraftResource
  | ThreadResource
  | CommentResource
  | RoundResource
  | CollegiumResource
  | ReviewResource
  | { type: "reviewSending"; draft: DraftResource; collegium: CollegiumResource };

export type Action =
  | "organization.list"
  | "organization.view"
  | "organization.create"
  | "organization.update"
  | "organization.changeKind"
  | "organization.viewMembers"
  | "organization.viewMemberEmails"
  | "membership.invite"
  | "membership.update"
  | "membership.remove"
  | "user.viewProfile"
  | "user.update"
  | "user.deactivate"
  | "user.setPlatformAdmin"
  | "admin.viewOutbox"
  | "admin.listUsers"
  | "admin.readAccessibilityFeedback"
  | "draft.list"
  | "draft.create"
  | "draft.view"
  | "draft.edit"
  | "draft.comment"
  | "draft.updateDetails"
  | "draft.share"
  | "draft.changeStatus"
  | "draft.commentInternal"
  | "draft.createVersion"
  | "draft.recordSignature"
  | "draft.viewInRegister"
  | "thread.view"
  | "thread.reply"
  | "thread.resolve"
  | "comment.change"
  | "round.create"
  | "round.view"
  | "round.submit"
  | "round.viewAllProposals"
  | "round.answer"
  | "round.publishSummary"
  | "round.viewSummary"
  | "collegium.view"
  | "collegium.manage"
  | "review.send"
  | "review.view"
  | "review.decide"
  | "review.close"
  | "review.viewAllDecisions"
  | "moderation.hide"
  | "moderation.flag"
  | "moderation.viewLog"
  | "follow.subscribe";

type Rule = (actor: MaybeActor, resource: Resource) => boolean;

const signedIn: Rule = (actor) => actor !== null;
const platformAdmin: Rule = (actor) => !!actor?.isPlatformAdmin;
const organizationAdmin: Rule = (actor, resource) =>
  platformAdmin(actor, resource) ||
  (resource.type === "organization" && membershipIn(actor, resource.id)?.role === "ADMIN");
const memberOf: Rule = (actor, resource) =>
  platformAdmin(actor, resource) || (resource.type === "organization" && !!membershipIn(actor, resource.id));
const onDraft =
  (rule: (actor: MaybeActor, draft: DraftResource) => boolean): Rule =>
  (actor, resource) =>
    resource.type === "draft" && rule(actor, resource);
const onRound =
  (rule: (actor: MaybeActor, round: RoundResource) => boolean): Rule =>
  (actor, resource) =>
    resource.type === "round" && rule(actor, resource);
const onReview =
  (rule: (actor: MaybeActor, review: ReviewResource) => boolean): Rule =>
  (actor, resource) =>
    resource.type === "review" && rule(actor, resource);
const self: Rule = (actor, resource) => resource.type === "user" && actor?.id === resource.id;

const RULES: Record<Action, Rule> = {
  // The directory of organizations and who works where is shared among signed-in partners:
  // they need it to invite co-editors. Contact e-mails are private to the organization.
  "organization.list": signedIn,
  "organization.view": signedIn,
  "organization.viewMembers": signedIn,
  "organization.viewMemberEmails": memberOf,
  "organization.create": platformAdmin,
  "organization.update": organizationAdmin,
  // What an organization is (a ministry owns drafts, an NGO does not) grants powers: only
  // platform administrators decide it, never the organization's own administrators.
  "organization.changeKind": platformAdmin,
  "membership.invite": organizationAdmin,
  "membership.update": organizationAdmin,
  "membership.remove": organizationAdmin,
  "user.viewProfile": (actor, resource) => self(actor, resource) || platformAdmin(actor, resource),
  "user.update": self,
  "user.deactivate": (actor, resource) => platformAdmin(actor, resource) && !self(actor, resource),
  /** Not on oneself: the last administrator cannot lock everyone out by accident. */
  "user.setPlatformAdmin": (actor, resource) => platformAdmin(actor, resource) && !self(actor, resource),
  "admin.viewOutbox": platformAdmin,
  "admin.listUsers": platformAdmin,
  "admin.readAccessibilityFeedback": platformAdmin,
  "draft.list": signedIn,
  "draft.create": (actor) => draftRules.create(actor),
  "draft.view": onDraft(draftRules.view),
  "draft.edit": onDraft(draftRules.edit),
  "draft.comment": onDraft(draftRules.comment),
  "draft.updateDetails": onDraft(draftRules.updateDetails),
  "draft.share": onDraft(draftRules.share),
  "draft.changeStatus": onDraft(draftRules.changeStatus),
  "draft.createVersion": onDraft(draftRules.createVersion),
  "draft.recordSignature": onDraft(draftRules.recordSignature),
  // The register is public: anyone, signed out too, reads an adopted or signed act.
  "draft.viewInRegister": onDraft(registerRules.view),
  "draft.commentInternal": onDraft((actor, draft) => commentRules.startThread(actor, draft, "INTERNAL")),
  "thread.view": (actor, resource) => resource.type === "thread" && commentRules.viewThread(actor, resource),
  "thread.reply": (actor, resource) => resource.type === "thread" && commentRules.reply(actor, resource),
  "thread.resolve": (actor, resource) => resource.type === "thread" && commentRules.resolveThread(actor, resource),
  "comment.change": (actor, resource) => resource.type === "comment" && commentRules.changeComment(actor, resource),
  "round.create": onDraft(roundRules.create),
  "round.view": onRound(roundRules.view),
  "round.submit": onRound(roundRules.submit),
  "round.viewAllProposals": onRound(roundRules.viewAllProposals),
  "round.answer": onRound(roundRules.answer),
  "round.publishSummary": onRound(roundRules.publishSummary),
  "round.viewSummary": onRound(roundRules.viewSummary),
  "collegium.view": (actor) => collegiumRules.view(actor),
  "collegium.manage": (actor, resource) => resource.type === "collegium" && collegiumRules.manage(actor, resource),
  "review.send": (actor, resource) =>
    resource.type === "reviewSending" && collegiumRules.sendForReview(actor, resource.draft, resource.collegium),
  "review.view": onReview(collegiumRules.viewReview),
  "review.decide": onReview(collegiumRules.decide),
  "review.close": onReview(collegiumRules.close),
  "review.viewAllDecisions": onReview(collegiumRules.viewAllDecisions),
  "moderation.hide": (actor, resource) =>
    (resource.type === "round" || resource.type === "thread") && moderationRules.hide(actor, resource),
  "moderation.flag": (actor, resource) =>
    (resource.type === "round" || resource.type === "thread") && moderationRules.flag(actor, resource),
  "moderation.viewLog": (actor, resource) =>
    resource.type === "organization" && moderationRules.viewLog(actor, resource.id),
  // Following sends nothing but what the person asked for (a visitor's address confirms first),
  // so anyone may ask; what can be followed is only ever public.
  "follow.subscribe": () => true,
};

export function can(actor: MaybeActor, action: Action, resource: Resource = { type: "platform" }): boolean {
  return RULES[action](actor, resource);
}

export const ALL_ACTIONS = Object.keys(RULES) as Action[];
