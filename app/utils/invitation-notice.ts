/**
 * The in-app notification kind of an invitation to an organization; it points to the
 * person's pending invitations. Shared by the server that writes it and the page that shows it.
 */
export const INVITATION_NOTIFICATION = "invitation.received";
