import { can } from "~/policies";
import { draftResourceOf } from "../drafts/draft-access.server";
import { namesOf, titlesOf, versionJson } from "../rounds/open-data-rounds.server";
import { authenticTexts } from "../texts/authenticity.server";
import { versionTexts } from "../documents/version-texts.server";
import { listRegister, loadRegisterEntry, visibleEntryRounds, type RegisterFilters } from "./register.server";

type Signature = {
  versionId: string;
  signedOn: string;
  place: string;
  signatories: { name: string; position: string; organization: string }[];
};

/** The recorded signature that made an agreement SIGNED (null for adopted acts). */
const signatureJson = (signature: Signature | null) =>
  signature && {
    signedOn: signature.signedOn,
    place: signature.place,
    versionId: signature.versionId,
    signatories: signature.signatories,
  };

/** The register as open data: the same entries as `/register`, as a signed-out visitor sees them. */
export async function registerListJson(origin: string, filters: RegisterFilters, page: { skip: number; take: number }) {
  const { items, total } = await listRegister(filters, page);
  return {
    total,
    items: items.map((entry) => ({
      id: entry.id,
      title: titlesOf(entry),
      kind: entry.kind,
      status: entry.status,
      reachedAt: entry.reachedAt,
      owner: { id: entry.ownerOrganization.id, name: namesOf(entry.ownerOrganization) },
      signature: signatureJson(entry.signature),
      links: {
        self: origin + `/api/v1/register/${entry.id}`,
        page: origin + `/register/${entry.id}`,
      },
    })),
  };
}

/**
 * The texts of the final version as frozen with it, each with its SHA-256 (the set's is on the
 * version); a version frozen before versions kept every text lists the live ones without one.
 */
async function textsJson(origin: string, draftId: string, versionId: string) {
  const frozen = await versionTexts(versionId);
  const texts = frozen.frozen
    ? frozen.texts
    : (await authenticTexts(draftId)).map((text) => ({ ...text, sha256: null }));
  const base = `${origin}/register/${draftId}`;
  return texts.map((text) => {
    const query = text.textId ? `?text=${text.textId}` : "";
    return {
      language: text.language,
      main: text.textId === null,
      authority: text.authority,
      sha256: text.sha256,
      links: {
        page: base + query,
        docx: `${base}/final.docx${query}`,
        pdf: `${base}/final.pdf${query}`,
        akn: `${base}/final.akn.xml${query}`,
      },
    };
  });
}

/** One entry with its final text and public consultation history; null when not in the register. */
export async function registerEntryJson(origin: string, draftId: string) {
  const entry = await loadRegisterEntry(draftId);
  if (!entry || !can(null, "draft.viewInRegister", draftResourceOf(entry.draft))) return null;
  const { draft, version } = entry;
  const self = `/api/v1/register/${draft.id}`;
  return {
    id: draft.id,
    title: titlesOf(draft),
    kind: draft.kind,
    status: draft.status,
    reachedAt: entry.reachedAt,
    owner: { id: draft.ownerOrganization.id, name: namesOf(draft.ownerOrganization) },
    version: version && versionJson(version, { entry: origin + self }),
    signature: signatureJson(entry.signature),
    // Every text of the act with its authority ("equal", "authoritative", "translation") and its downloads.
    texts: version ? await textsJson(origin, draft.id, version.id) : [],
    rounds: visibleEntryRounds(null, entry).map(({ round, resource }) => ({
      id: round.id,
      title: round.title,
      status: round.status,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      timeZone: round.timeZone,
      proposalCount: round._count.proposals,
      version: round.version,
      links: {
        self: origin + `/api/v1/rounds/${round.id}`,
        summary: can(null, "round.viewSummary", resource) ? origin + `/rounds/${round.id}/summary` : null,
      },
    })),
    reviews: entry.reviews.map((review) => ({
      collegium: namesOf(review.body),
      sentAt: review.sentAt,
      closedAt: review.closedAt,
      outcome: review.outcome,
    })),
    links: { self: origin + self, page: origin + `/register/${draft.id}` },
  };
}
