/**
 * The outcome of a collegium review from the decisions cast, under the body's rules:
 * quorum = more than `quorumShare` of the members in office cast a decision (abstaining
 * counts as taking part); majority = approvals (with or without remarks) are more than
 * `majorityShare` of the decisions cast. A tie is not a majority.
 */
export type Decision = "APPROVE" | "APPROVE_WITH_REMARKS" | "OBJECT" | "ABSTAIN";
export type Outcome = "ADOPTED" | "RETURNED" | "NO_QUORUM";
export type Rules = { quorumShare: number; majorityShare: number };
export type Tally = {
  inOffice: number;
  cast: number;
  approve: number;
  approveWithRemarks: number;
  object: number;
  abstain: number;
  quorumMet: boolean;
  outcome: Outcome;
};

export const DEFAULT_RULES: Rules = { quorumShare: 0.5, majorityShare: 0.5 };

/** The body's quorum rule, shared by reviews (decisions cast) and meetings (members attending). */
export function hasQuorum(inOffice: number, takingPart: number, rules: Rules = DEFAULT_RULES): boolean {
  return inOffice > 0 && takingPart > inOffice * rules.quorumShare;
}

export function tallyReview(inOffice: number, decisions: Decision[], rules: Rules = DEFAULT_RULES): Tally {
  const count = (kind: Decision) => decisions.filter((d) => d === kind).length;
  const approve = count("APPROVE");
  const approveWithRemarks = count("APPROVE_WITH_REMARKS");
  const object = count("OBJECT");
  const abstain = count("ABSTAIN");
  const cast = decisions.length;
  const quorumMet = hasQuorum(inOffice, cast, rules);
  const approvals = approve + approveWithRemarks;
  const outcome: Outcome = !quorumMet ? "NO_QUORUM" : approvals > cast * rules.majorityShare ? "ADOPTED" : "RETURNED";
  return { inOffice, cast, approve, approveWithRemarks, object, abstain, quorumMet, outcome };
}

/**
 * The smallest number of decisions that makes a quorum ("more than `quorumShare`"), shown
 * before closing so nobody learns only afterwards that one more decision was needed.
 */
export function quorumNeeded(inOffice: number, rules: Rules = DEFAULT_RULES): number {
  return Math.floor(inOffice * rules.quorumShare) + 1;
}
