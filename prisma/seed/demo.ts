import { hashPassword } from "../../app/auth/password.server";
import type { Db } from "../../app/utils/db.server";
import { foldForSearch } from "../../app/utils/search-text";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { initializeDocument } from "../../app/models/documents/document-log.server";
import { seedDemoAttachments } from "./attachments";
import { freezeDemoTexts, seedParallelTexts } from "./parallel-texts";
import { seedDemoCollegium } from "./collegium";
import { DEMO_DRAFTS } from "./drafts";
import { DEMO_ORGANIZATIONS } from "./organizations";
import { seedDemoRounds } from "./rounds";
import { withDemoSuggestions } from "./suggestions";
import { signDemoDraft } from "./signed";
import { DEMO_PASSWORD, DEMO_USERS } from "./users";

/** Loads the demo organizations and accounts into an empty database, in one transaction. */
export async function seedDemoData(client: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await client.$transaction(
    async (tx) => {
      const ids = new Map<string, string>();
      const userIds = new Map<string, string>();
      for (const { key, ...org } of DEMO_ORGANIZATIONS) {
        const created = await tx.organization.create({
          data: {
            ...org,
            slug: key,
            searchText: foldForSearch(org.nameHy, org.nameRu, org.nameKa, org.nameEn, org.city, org.country),
          },
        });
        ids.set(key, created.id);
      }
      for (const user of DEMO_USERS) {
        const created = await tx.user.create({
          data: {
            email: user.email,
            name: user.name,
            locale: user.locale,
            isPlatformAdmin: user.isPlatformAdmin ?? false,
            isDemo: true,
            passwordHash,
            emailVerifiedAt: new Date(),
            searchText: foldForSearch(user.name, user.email),
          },
        });
        userIds.set(user.email, created.id);
        for (const membership of user.memberships) {
          const organizationId = ids.get(membership.org);
          if (!organizationId) throw new Error(`demo user ${user.email}: unknown organization ${membership.org}`);
          await tx.membership.create({ data: { userId: created.id, organizationId, role: membership.role } });
        }
      }
      for (const draft of DEMO_DRAFTS) {
        const created = await tx.draft.create({
          data: {
            ...draft.titles,
            kind: draft.kind,
            textLanguage: draft.textLanguage,
            ownerOrganizationId: ids.get(draft.owner)!,
            searchText: foldForSearch(...Object.values(draft.titles)),
          },
        });
        for (const share of draft.shares) {
          await tx.draftAccess.create({
            data: { draftId: created.id, organizationId: ids.get(share.org)!, level: share.level },
          });
        }
        const author = (email: string) => {
          const user = DEMO_USERS.find((u) => u.email === email)!;
          return { id: userIds.get(email)!, name: user.name };
        };
        const document = withDemoSuggestions(jsonToYUpdate(draft.content), draft.suggestions ?? [], author);
        await initializeDocument(created.id, document, tx);
        if (draft.dossierBy) await seedDemoAttachments(tx, created.id, userIds.get(draft.dossierBy)!);
        if (draft.parallel) {
          const by = userIds.get(draft.parallel.by)!;
          const texts = await seedParallelTexts(tx, created.id, draft.content, by, draft.parallel.texts);
          if (draft.parallel.mainAuthoritative) {
            await tx.draft.update({ where: { id: created.id }, data: { authoritativeDocumentId: created.id } });
          }
          // Version 1 carries every text with its SHA-256 and the set's.
          const name = draft.parallel.versionName;
          await freezeDemoTexts(tx, { draftId: created.id, main: draft.content, actorId: by, name, texts });
        }
        if (draft.signed) {
          await signDemoDraft(tx, created.id, draft.content, userIds.get(draft.signed.by)!, draft.signed);
        }
      }
      await seedDemoRounds(tx, { org: (key) => ids.get(key)!, user: (email) => userIds.get(email)! });
      await seedDemoCollegium(tx, { org: (key) => ids.get(key)!, user: (email) => userIds.get(email)! });
      await tx.auditEvent.create({
        data: { actorId: null, action: "demo.seed", objectType: "Platform", objectId: "demo", details: {} },
      });
    },
    // Several hundred statements: Prisma's 5-second default ran out on a busy 2-core machine.
    { timeout: 60_000, maxWait: 30_000 },
  );
}
