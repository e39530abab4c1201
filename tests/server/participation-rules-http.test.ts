import { describe, expect, it } from "vitest";
import { LOCALE_COOKIE } from "~/i18n/config";
import { RULE_TEXT_KEYS, RULE_TEXT_MAX_LENGTH } from "~/models/moderation/rule-texts";
import { db } from "~/utils/db.server";
import { demoPlatformForThisFile } from "../helpers/demo-sessions";

const { app, post, get } = demoPlatformForThisFile();

/** Every field of the wording form, empty (the default wording) unless given. */
const wording = (fields: Record<string, string>) =>
  Object.fromEntries(RULE_TEXT_KEYS.map((key) => [key, fields[key] ?? ""]));

/** The public rules page as a signed-out reader of this language reads it. */
async function rulesPageIn(locale: string): Promise<string> {
  const response = await fetch(`${app().url}/participation-rules`, {
    headers: { Cookie: `${LOCALE_COOKIE}=${locale}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

const SPAM_RU = "Запрещены реклама, массовые одинаковые обращения и ссылки на коммерческие сайты.";

describe("the participation rules of a deployment", () => {
  it("are worded by a platform admin per language; the public page shows that wording, other languages keep theirs", async () => {
    const englishBefore = await rulesPageIn("en");
    expect(englishBefore).toContain("No advertising and no text repeated again and again.");

    const saved = await post(
      "/admin/participation-rules?lang=ru",
      "admin@agora.example",
      wording({ "rules.items.spam": SPAM_RU }),
    );
    expect(saved.status).toBe(200);

    const russian = await rulesPageIn("ru");
    expect(russian).toContain(SPAM_RU);
    expect(russian).toContain("Формулировка последний раз изменена");
    expect(await rulesPageIn("en")).toContain("No advertising and no text repeated again and again.");
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "rules.edit" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({ locale: "ru", changed: ["rules.items.spam"] });

    // An emptied field goes back to the default wording, as the form says.
    expect((await post("/admin/participation-rules?lang=ru", "admin@agora.example", wording({}))).status).toBe(200);
    expect(await rulesPageIn("ru")).not.toContain(SPAM_RU);
    expect(await db().deploymentText.count()).toBe(0);
  });

  it("refuse anyone but a platform admin, and too long a text with a message at the field", async () => {
    for (const email of ["anahit@mta.example", "ashot@citizen.example"]) {
      expect((await get("/admin/participation-rules", email)).status).toBe(404);
      const forged = await post("/admin/participation-rules?lang=hy", email, wording({ "rules.lead": "Forged rules" }));
      expect(forged.status).toBe(404);
    }
    expect((await get("/admin/participation-rules")).status).toBeGreaterThanOrEqual(300);
    expect(await db().deploymentText.count()).toBe(0);

    const tooLong = await post(
      "/admin/participation-rules?lang=hy",
      "admin@agora.example",
      wording({ "rules.lead": "Ա".repeat(RULE_TEXT_MAX_LENGTH + 1) }),
    );
    expect(tooLong.status).toBe(400);
    expect(await db().deploymentText.count()).toBe(0);

    const page = await (await get("/admin/participation-rules?lang=hy", "admin@agora.example")).text();
    expect(page).toContain('name="rules.lead"');
    // The default wording in the language being worded is shown beside each field.
    expect(page).toContain("Հանրային քննարկումները բաց են բոլորի համար");
  });
});
