import { createHash } from "node:crypto";
import { readableFileName } from "~/exports/file-name";
import { summaryToDocx } from "~/exports/summary-docx.server";
import { storedTextLanguage } from "~/i18n/text-languages";
import { db, type Tx } from "~/utils/db.server";
import { sqlDialect } from "~/utils/sql-dialect.server";
import { buildSummaryTable, summaryLabels } from "./round-summary.server";
import { registerBackgroundWork } from "~/utils/background-work.server";

/**
 * The summary DOCX of a published round, built once in the background and then served from
 * storage (docs/decisions/025): for a million proposals it takes minutes and hundreds of
 * megabytes, which no download request should pay. Publication queues it; one process claims
 * it with a lease (another takes it over if that process dies), builds it in the document's
 * language, and stores its bytes once under their SHA-256, as dossier files are stored.
 */

/** How long a build may run before another process assumes it died; a failed build waits as long. */
const LEASE_MS = 10 * 60_000;

/** Called in the publication's transaction: the file is due as soon as the answers are official. */
export async function queueSummaryFile(tx: Tx, roundId: string): Promise<void> {
  const round = await tx.consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { draft: { select: { textLanguage: true } } },
  });
  const proposals = await tx.proposal.count({ where: { roundId, status: "SUBMITTED" } });
  await tx.roundSummaryFile.upsert({
    where: { roundId },
    create: { roundId, locale: storedTextLanguage(round.draft.textLanguage), proposals },
    update: {},
  });
}

/** Builds one queued file if no other process holds it. Returns whether this call built it. */
export async function buildSummaryFile(roundId: string, now = new Date()): Promise<boolean> {
  const claimed = await db().roundSummaryFile.updateMany({
    where: {
      roundId,
      OR: [{ state: "PENDING" }, { state: { in: ["BUILDING", "FAILED"] }, leaseUntil: { lt: now } }],
    },
    data: { state: "BUILDING", leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) return false;
  const { locale } = await db().roundSummaryFile.findUniqueOrThrow({ where: { roundId } });
  try {
    const language = storedTextLanguage(locale);
    const table = await buildSummaryTable(roundId, language);
    const docx = await summaryToDocx(table, summaryLabels(language));
    const fileName = readableFileName([table.title, table.subtitle], "docx");
    const sha256 = createHash("sha256").update(docx).digest("hex");
    await db().$transaction(async (tx) => {
      await tx.attachmentFile.upsert({
        where: { sha256 },
        create: { sha256, size: docx.length, data: new Uint8Array(docx) },
        update: {},
      });
      await tx.roundSummaryFile.update({
        where: { roundId },
        data: { state: "READY", sha256, size: docx.length, fileName, builtAt: new Date(), leaseUntil: null },
      });
    });
    return true;
  } catch (error) {
    console.error("building the summary DOCX failed", error);
    await db().roundSummaryFile.update({
      where: { roundId },
      data: { state: "FAILED", leaseUntil: new Date(Date.now() + LEASE_MS) },
    });
    return false;
  }
}

/** Every file that is due (queued, or left by a process that stopped): the background jobs' timer. */
export async function buildDueSummaryFiles(now = new Date()): Promise<number> {
  const due = await db().roundSummaryFile.findMany({
    where: { OR: [{ state: "PENDING" }, { state: { in: ["BUILDING", "FAILED"] }, leaseUntil: { lt: now } }] },
    select: { roundId: true },
    take: 5,
  });
  let built = 0;
  for (const { roundId } of due) if (await buildSummaryFile(roundId, now)) built++;
  return built;
}

const building = new Map<string, Promise<boolean>>();

/** Starts the build in this process right after publication. */
export function buildSummaryFileSoon(roundId: string): void {
  if (building.has(roundId)) return;
  building.set(
    roundId,
    buildSummaryFile(roundId)
      .catch((error: unknown) => {
        // The timer tries again (its lease runs out).
        console.error("building the summary DOCX failed", error);
        return false;
      })
      .finally(() => building.delete(roundId)),
  );
}

/** Resolves when the builds started in this process are done (tests, bench). */
export async function whenSummaryFilesBuilt(): Promise<void> {
  while (building.size > 0) await Promise.all(building.values());
}
registerBackgroundWork(whenSummaryFilesBuilt);

/** Where the round's file stands, for staff on the round page. */
export function summaryFileState(roundId: string) {
  return db().roundSummaryFile.findUnique({
    where: { roundId },
    select: { state: true, proposals: true, sha256: true, size: true, builtAt: true },
  });
}

/**
 * The stored bytes, or null while the round has none (the download then builds it on demand).
 * Read as text (hex/base64): Prisma's adapters turn `Bytes` into an array of one number per byte.
 */
export async function storedSummaryFile(
  roundId: string,
): Promise<{ sha256: string; fileName: string; data: Buffer } | null> {
  const file = await db().roundSummaryFile.findUnique({
    where: { roundId },
    select: { state: true, sha256: true, fileName: true },
  });
  if (file?.state !== "READY" || !file.sha256) return null;
  const dialect = sqlDialect();
  const rows = await db().$queryRaw<{ data: string }[]>`SELECT ${dialect.bytesAsText("data")} FROM ${dialect.table(
    "AttachmentFile",
  )} WHERE "sha256" = ${file.sha256}`;
  if (!rows[0]) return null;
  return { sha256: file.sha256, fileName: file.fileName ?? "", data: Buffer.from(dialect.bytesFromText(rows[0].data)) };
}
