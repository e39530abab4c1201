import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { throttleDelaySeconds, FREE_FAILURES } from "~/auth/throttle.server";
import { changePassword, login } from "~/models/accounts/accounts.server";
import { validateSessionToken } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../helpers/factories";

describe("login", () => {
  it("signs in with the right password and records it", async () => {
    const user = await createUser();
    const result = await login(user.email, TEST_PASSWORD, "10.0.0.1");
    expect(result.ok).toBe(true);
    if (result.ok) expect((await validateSessionToken(db(), result.token))?.user.id).toBe(user.id);
    expect(await db().auditEvent.count({ where: { actorId: user.id, action: "auth.login" } })).toBe(1);
  });

  it("stores argon2id hashes with at least 19 MiB and 2 passes", async () => {
    const user = await createUser();
    const stored = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    const [, algorithm, , params] = stored.split("$");
    expect(algorithm).toBe("argon2id");
    const values = Object.fromEntries(params!.split(",").map((kv) => kv.split("=")));
    expect(Number(values.m)).toBeGreaterThanOrEqual(19456);
    expect(Number(values.t)).toBeGreaterThanOrEqual(2);
    expect(await verify(stored, TEST_PASSWORD)).toBe(true);
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const user = await createUser();
    const wrongPassword = await login(user.email, "not the password", "10.0.0.2");
    const unknownEmail = await login("nobody@example.test", "not the password", "10.0.0.3");
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("throttles repeated failures for one account from one address, not the owner elsewhere", async () => {
    const user = await createUser();
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(await login(user.email, "wrong", "10.1.0.1")).toEqual({ ok: false, reason: "invalid" });
    }
    const guesser = await login(user.email, TEST_PASSWORD, "10.1.0.1");
    expect(guesser.ok === false && guesser.reason).toBe("throttled");
    expect((await login(user.email, TEST_PASSWORD, "10.1.1.1")).ok).toBe(true);
  });

  it("throttles one address trying many unknown e-mails", async () => {
    const results = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) results.push(await login(`ghost${i}@example.test`, "x", "10.2.0.1"));
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("grows the delay and caps it", () => {
    expect(throttleDelaySeconds(FREE_FAILURES - 1)).toBe(0);
    expect(throttleDelaySeconds(FREE_FAILURES + 1)).toBeGreaterThan(throttleDelaySeconds(FREE_FAILURES));
    expect(throttleDelaySeconds(1000)).toBe(15 * 60);
  });

  it("changing the password ends the other sessions", async () => {
    const user = await createUser();
    const here = await login(user.email, TEST_PASSWORD, "10.3.0.1");
    const elsewhere = await login(user.email, TEST_PASSWORD, "10.3.0.2");
    if (!here.ok || !elsewhere.ok) throw new Error("login failed");
    const hereSession = await validateSessionToken(db(), here.token);
    const change = (current: string) =>
      changePassword({
        userId: user.id,
        sessionId: hereSession!.id,
        clientAddress: "10.3.0.1",
        current,
        next: "a new long password",
      });
    expect(await change("wrong current")).toBe("wrong-password");
    expect(await change(TEST_PASSWORD)).toBe("changed");
    expect(await validateSessionToken(db(), here.token)).not.toBeNull();
    expect(await validateSessionToken(db(), elsewhere.token)).toBeNull();
  });
});
