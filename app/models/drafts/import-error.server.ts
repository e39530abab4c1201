/**
 * A file the importer refuses, with the locale key of the message shown next to the file
 * field. Anything else thrown while importing is reported as "unreadable".
 */
export class ImportError extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
    this.name = "ImportError";
  }
}
