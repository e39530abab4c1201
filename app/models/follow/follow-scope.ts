/**
 * What a person can follow, and the one key each choice is stored under (a person follows
 * one thing once: the key is unique per e-mail address).
 */
import { DRAFT_KINDS } from "~/schemas/draft";

export { DRAFT_KINDS };
export type DraftKind = (typeof DRAFT_KINDS)[number];

export type FollowScope =
  | { kind: "all" }
  | { kind: "ministry"; organizationId: string }
  | { kind: "draftKind"; draftKind: DraftKind }
  | { kind: "answers"; roundId: string };

export function scopeKey(scope: FollowScope): string {
  switch (scope.kind) {
    case "all":
      return "rounds:all";
    case "ministry":
      return `rounds:org:${scope.organizationId}`;
    case "draftKind":
      return `rounds:kind:${scope.draftKind}`;
    case "answers":
      return `answers:${scope.roundId}`;
  }
}

/** The scope a stored subscription stands for (the inverse of `scopeKey`). */
export function scopeOf(row: {
  topic: string;
  organizationId: string | null;
  draftKind: string | null;
  roundId: string | null;
}): FollowScope {
  if (row.topic === "ROUND_ANSWERS" && row.roundId) return { kind: "answers", roundId: row.roundId };
  if (row.organizationId) return { kind: "ministry", organizationId: row.organizationId };
  if (row.draftKind) return { kind: "draftKind", draftKind: row.draftKind as DraftKind };
  return { kind: "all" };
}

/** The stored columns of a scope. */
export function scopeColumns(scope: FollowScope) {
  return {
    topic: scope.kind === "answers" ? ("ROUND_ANSWERS" as const) : ("NEW_ROUNDS" as const),
    scope: scopeKey(scope),
    organizationId: scope.kind === "ministry" ? scope.organizationId : null,
    draftKind: scope.kind === "draftKind" ? scope.draftKind : null,
    roundId: scope.kind === "answers" ? scope.roundId : null,
  };
}

/** The form's answer as a scope (the schema has checked that the chosen part is filled in). */
export function scopeFromForm(value: {
  topic: "all" | "ministry" | "draftKind" | "answers";
  organizationId: string;
  draftKind: string;
  roundId: string;
}): FollowScope {
  switch (value.topic) {
    case "all":
      return { kind: "all" };
    case "ministry":
      return { kind: "ministry", organizationId: value.organizationId };
    case "draftKind":
      return { kind: "draftKind", draftKind: value.draftKind as DraftKind };
    case "answers":
      return { kind: "answers", roundId: value.roundId };
  }
}
