import { writeZip } from "../package/zip-writer.server";
import { actToAkn, aknLanguage } from "./act-akn.server";
import { asciiFileName } from "./act-responses.server";
import type { TextSetMember } from "./text-set.server";

/**
 * An act in several languages as Akoma Ntoso: one document per language expression, since
 * an `<akomaNtoso>` holds one expression of a work. All share the work's FRBR identifiers;
 * each has its FRBRExpression with its language, `FRBRauthoritative`, and (but the main
 * text) the main text's expression as FRBRmasterExpression, whose eIds, the stable ids, they
 * share. When one text is authoritative, the others are marked translations of it
 * (`FRBRtranslation`, `authoritative="false"`). Each file stands alone and is valid against
 * the shipped schema.
 */
export function textsToAknFiles(members: TextSetMember[], now = new Date()): { name: string; xml: string }[] {
  const main = members[0]!.source;
  const authoritative = members.find((m) => m.authority === "authoritative")?.source ?? null;
  return members.map((member) => {
    const { source } = member;
    const xml = actToAkn(source, now, {
      authoritative: member.authority !== "translation",
      master: source === main ? null : main,
      translationOf: member.authority === "translation" ? authoritative : null,
    });
    return { name: asciiFileName(source, `${aknLanguage(source)}.akn.xml`), xml };
  });
}

/** The same documents in one ZIP, as the dossier package carries its files. */
export function textsToAknZip(members: TextSetMember[], now = new Date()): Buffer {
  return writeZip(
    textsToAknFiles(members, now).map((file) => ({ name: file.name, data: Buffer.from(file.xml, "utf8") })),
    now,
  );
}
