/**
 * What the policy knows about the person making a request. Built once per request from
 * the session (see app/auth/current-user.server.ts); the policy itself does no I/O.
 */
export type OrganizationKind =
  | "MINISTRY"
  | "MUNICIPALITY"
  | "NGO"
  | "MUNICIPAL_ASSOCIATION"
  | "INTERNATIONAL_ORGANIZATION"
  | "DIPLOMATIC_MISSION"
  | "DONOR";

export type MembershipRole = "MEMBER" | "ADMIN";

export type ActorMembership = {
  organizationId: string;
  organizationKind: OrganizationKind;
  role: MembershipRole;
};

export type Actor = {
  id: string;
  isPlatformAdmin: boolean;
  /**
   * Whether the person proved they read their e-mail address. Citizens sign up by themselves,
   * so nothing they send to officials (proposals) is accepted before that.
   */
  isVerified: boolean;
  memberships: ActorMembership[];
};

/** `null` is a signed-out visitor. */
export type MaybeActor = Actor | null;

export function membershipIn(actor: MaybeActor, organizationId: string): ActorMembership | undefined {
  return actor?.memberships.find((m) => m.organizationId === organizationId);
}

/** Ministry and municipality members are "staff": they own drafts and run consultations. */
export function isGovernmentStaff(actor: MaybeActor): boolean {
  return !!actor?.memberships.some((m) => m.organizationKind === "MINISTRY" || m.organizationKind === "MUNICIPALITY");
}
