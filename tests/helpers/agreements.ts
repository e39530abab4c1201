import { documentIdOf } from "~/editor/document-id";
import { templateFor } from "~/editor/templates";
import { serverT } from "~/i18n/server-t.server";
import { createDraft } from "~/models/drafts/drafts.server";
import { addLanguageText } from "~/models/texts/language-texts.server";
import { clearRateLimits } from "~/utils/rate-limit.server";
import { addMember, createOrganization, createUser } from "./factories";

/** A Georgian cooperation agreement of Zugdidi's, from its template, drafted by one of its staff. */
export async function zugdidiAgreement() {
  const zugdidi = await createOrganization("MUNICIPALITY", "Zugdidi Municipality");
  const staff = await createUser({ name: "ნინო" });
  await addMember(staff.id, zugdidi.id, "MEMBER");
  const ka = serverT("ka");
  const draft = await createDraft(
    staff.id,
    {
      titleHy: null,
      titleRu: null,
      titleKa: "ზუგდიდის თანამშრომლობის შეთანხმება",
      titleEn: "Zugdidi cooperation agreement",
      kind: "COOPERATION_AGREEMENT",
      ownerOrganizationId: zugdidi.id,
      textLanguage: "ka",
    },
    templateFor("COOPERATION_AGREEMENT", (key) => ka(`templates.${key}`)),
  );
  return { staff, draft };
}

/** The same agreement with an English text copied from it to translate over. */
export async function bilingualZugdidiAgreement(clientAddress: string) {
  await clearRateLimits();
  const { staff, draft } = await zugdidiAgreement();
  const english = await addLanguageText({
    actorId: staff.id,
    clientAddress,
    draftId: draft.id,
    language: "en",
    mode: "copy",
  });
  return { staff, draft, english, englishDocument: documentIdOf(draft.id, english.id) };
}
