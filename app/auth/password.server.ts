import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's minimum: 19 MiB memory, 2 passes, 1 lane.
 * `algorithm: 2` is Algorithm.Argon2id; the enum is a `const enum`, which isolated modules cannot import.
 */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified for unknown e-mails so both failures cost the same time. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("agora-dummy-password");
  await verifyPassword(await dummyHash, password);
}
