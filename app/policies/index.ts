import { membershipIn, type MaybeActor } from "./actor";
import { commentRules, type CommentResource, type ThreadResource } from "./comments";
import { draftRules, type DraftResource } from "./drafts";
import { collegiumRules, type CollegiumResource, type ReviewResource } from "./collegium";
import { meetingRules, type CollegiumBodyResource, type MeetingResource } from "./meetings";
import { moderationRules, type ModeratedResource } from "./moderation";
import { registerRules } from "./register";
import { roundRules, type RoundResource } from "./rounds";

export * from "./actor";
export * from "./comments";
export * from "./drafts";
export * from "./collegium";
export * from "./meetings";
export * from "./moderation";
export * from "./register";
export * from "./rounds";

export type PlatformResource = { type: "platform" };
export type OrganizationResource = { type: "organization"; id: string };
export type UserResource = { type: "user"; id: string };
export type ReviewSendingResource = { type: "reviewSending"; draft: DraftResource; collegium: CollegiumResource };

/**
 * Every action and the one kind of resource it is decided on. `can()` takes the resource
 * type from here, so asking about a draft action with a round (or forgetting the resource)
 * fails to compile instead of quietly answering "no".
 */
export type ActionResources = {
  "organization.list": PlatformResource;
  "organization.view": OrganizationResource;
  "organization.create": PlatformResource;
  "organization.update": OrganizationResource;
  "organization.changeKind": PlatformResource;
  "organization.viewMembers": OrganizationResource;
  "organization.viewMemberEmails": OrganizationResource;
  "membership.invite": OrganizationResource;
  "membership.update": OrganizationResource;
  "membership.remove": OrganizationResource;
  "user.viewProfile": UserResource;
  "user.update": UserResource;
  "user.deactivate": UserResource;
  "user.setPlatformAdmin": UserResource;
  "admin.viewOutbox": PlatformResource;
  "admin.listUsers": PlatformResource;
  "admin.readAccessibilityFeedback": PlatformResource;
  "admin.editParticipationRules": PlatformResource;
  "draft.list": PlatformResource;
  "draft.create": PlatformResource;
  "draft.view": DraftResource;
  "draft.edit": DraftResource;
  "draft.comment": DraftResource;
  "draft.manageAttachments": DraftResource;
  "draft.suggest": DraftResource;
  "draft.decideSuggestion": DraftResource;
  "draft.updateDetails": DraftResource;
  "draft.changeTextLanguage": DraftResource;
  "draft.share": DraftResource;
  "draft.changeStatus": DraftResource;
  "draft.commentInternal": DraftResource;
  "draft.createVersion": DraftResource;
  "draft.recordSignature": DraftResource;
  "draft.viewInRegister": DraftResource;
  "thread.view": ThreadResource;
  "thread.reply": ThreadResource;
  "thread.resolve": ThreadResource;
  "comment.change": CommentResource;
  "round.create": DraftResource;
  "round.view": RoundResource;
  "round.submit": RoundResource;
  "round.viewAllProposals": RoundResource;
  "round.answer": RoundResource;
  "round.publishSummary": RoundResource;
  "round.viewSummary": RoundResource;
  "collegium.view": PlatformResource;
  "collegium.manage": CollegiumResource;
  "review.send": ReviewSendingResource;
  "review.view": ReviewResource;
  "review.decide": ReviewResource;
  "review.close": ReviewResource;
  "review.viewAllDecisions": ReviewResource;
  "moderation.view": ModeratedResource;
  "review.viewTally": ReviewResource;
  "meeting.listPrivate": CollegiumBodyResource;
  "meeting.schedule": CollegiumBodyResource;
  "meeting.view": MeetingResource;
  "meeting.manage": MeetingResource;
  "meeting.respond": MeetingResource;
  "meeting.writeMinutes": MeetingResource;
  "meeting.viewMinutes": MeetingResource;
  "moderation.hide": ModeratedResource;
  "moderation.flag": ModeratedResource;
  "moderation.viewLog": OrganizationResource;
  "follow.subscribe": PlatformResource;
};

export type Action = keyof ActionResources;

export type Resource = ActionResources[Action];

/** The actions decided on one kind of resource: `ActionOn<DraftResource>` is every draft action. */
export type ActionOn<R extends Resource> = {
  [A in Action]: ActionResources[A] extends R ? (R extends ActionResources[A] ? A : never) : never;
}[Action];

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
const onMeeting =
  (rule: (actor: MaybeActor, meeting: MeetingResource) => boolean): Rule =>
  (actor, resource) =>
    resource.type === "meeting" && rule(actor, resource);
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
  "admin.editParticipationRules": platformAdmin,
  "draft.list": signedIn,
  "draft.create": (actor) => draftRules.create(actor),
  "draft.view": onDraft(draftRules.view),
  "draft.edit": onDraft(draftRules.edit),
  "draft.comment": onDraft(draftRules.comment),
  "draft.manageAttachments": onDraft(draftRules.manageAttachments),
  "draft.suggest": onDraft(draftRules.suggest),
  "draft.decideSuggestion": onDraft(draftRules.decideSuggestion),
  "draft.updateDetails": onDraft(draftRules.updateDetails),
  "draft.changeTextLanguage": onDraft(draftRules.changeTextLanguage),
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
  /** Who sees the proposal (its round) or the comment (its thread) at all. */
  "moderation.view": (actor, resource) =>
    resource.type === "round"
      ? roundRules.view(actor, resource)
      : resource.type === "thread" && commentRules.viewThread(actor, resource),
  "review.viewTally": onReview(collegiumRules.viewTally),
  "meeting.listPrivate": (actor, resource) =>
    resource.type === "collegiumBody" && meetingRules.listPrivate(actor, resource),
  "meeting.schedule": (actor, resource) => resource.type === "collegiumBody" && meetingRules.schedule(actor, resource),
  "meeting.view": onMeeting(meetingRules.view),
  "meeting.manage": onMeeting(meetingRules.manage),
  "meeting.respond": onMeeting(meetingRules.respond),
  "meeting.writeMinutes": onMeeting(meetingRules.writeMinutes),
  "meeting.viewMinutes": onMeeting(meetingRules.viewMinutes),
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

/** Platform-wide actions need no resource; every other action names its own kind. */
type ResourceArgument<A extends Action> = A extends Action
  ? [ActionResources[A]] extends [PlatformResource]
    ? [resource?: PlatformResource]
    : [resource: ActionResources[A]]
  : never;

/**
 * The one place permissions are decided: `can(actor, action, resource)`, pure and
 * synchronous. Loaders, actions, comment handling and the collab server call it; none of
 * them decides alone. The rules still check the resource's kind at run time, so a value
 * forced past the types is refused, never misread.
 */
export function can<A extends Action>(actor: MaybeActor, action: A, ...[resource]: ResourceArgument<A>): boolean {
  return RULES[action](actor, resource ?? { type: "platform" });
}

/**
 * `can` for code written once for every kind of resource (the request boundary's guard):
 * the same rules, with the action tied to the resource's kind through `ActionOn`.
 */
export function canOn<R extends Resource>(actor: MaybeActor, action: ActionOn<R>, resource: R): boolean {
  return RULES[action](actor, resource);
}

export const PLATFORM: PlatformResource = { type: "platform" };

export const ALL_ACTIONS = Object.keys(RULES) as Action[];
