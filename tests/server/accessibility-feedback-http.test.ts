import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "~/utils/rate-limit.server";
import { db } from "~/utils/db.server";
import { form } from "../helpers/app-server";
import { demoPlatformForThisFile } from "../helpers/demo-sessions";

const { app, get } = demoPlatformForThisFile();

/** A signed-out visitor's form POST from an address of the test's choosing. */
function sendAsVisitor(fields: Record<string, string>, address: string) {
  return fetch(`${app().url}/accessibility`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: app().origin,
      "Accept-Language": "en",
      "X-Forwarded-For": address,
    },
    body: form(fields),
  });
}

describe("the accessibility statement's feedback channel", () => {
  it("is linked from every page's footer and shows the statement in the reader's language", async () => {
    const home = await (await get("/")).text();
    expect(home).toContain('href="/accessibility"');
    const statement = await get("/accessibility");
    expect(statement.status).toBe(200);
    const html = await statement.text();
    expect(html).toContain("<title>Accessibility statement · Agora</title>");
    expect(html).toContain("2018/1523");
  });

  it("reaches the platform admins, and only them", async () => {
    const response = await sendAsVisitor(
      {
        message: "The summary table cannot be read with a screen reader.",
        email: "reader@example.org",
        pageUrl: "/rounds",
      },
      "10.90.0.1",
    );
    expect(response.status).toBe(200);
    const stored = await db().accessibilityFeedback.findFirstOrThrow({ where: { email: "reader@example.org" } });
    expect(stored.message).toContain("summary table");
    expect(await db().auditEvent.count({ where: { objectId: stored.id } })).toBe(1);

    const admin = await get("/admin/accessibility-feedback", "admin@agora.example");
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain("The summary table cannot be read with a screen reader.");
    expect((await get("/admin/accessibility-feedback", "anahit@mta.example")).status).toBe(404);
    expect((await get("/admin/accessibility-feedback")).status).toBe(302);
  });

  it("answers an empty message or a broken e-mail with errors next to the fields, storing nothing", async () => {
    const before = await db().accessibilityFeedback.count();
    const response = await sendAsVisitor({ message: "  ", email: "not-an-address" }, "10.90.0.2");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/aria-invalid="true"[^>]*name="message"|name="message"[^>]*aria-invalid="true"/);
    expect(html).toContain("Enter a valid e-mail address.");
    expect(await db().accessibilityFeedback.count()).toBe(before);
  });

  it("slows a flood from one address down, with Retry-After and nothing stored past the limit", async () => {
    const { max } = RATE_LIMITS.accessibilityFeedback.address;
    for (let i = 0; i < max; i++) {
      expect((await sendAsVisitor({ message: `barrier ${i}` }, "10.90.0.3")).status).toBe(200);
    }
    const refused = await sendAsVisitor({ message: "one too many" }, "10.90.0.3");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await db().accessibilityFeedback.count({ where: { message: "one too many" } })).toBe(0);
    // Another address is not affected.
    expect((await sendAsVisitor({ message: "from elsewhere" }, "10.90.0.4")).status).toBe(200);
  });
});
