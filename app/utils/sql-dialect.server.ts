import { Prisma } from "~/generated/prisma/sqlite/client";
import { env, isPostgresUrl, parsePostgresUrl } from "./env.server";

/**
 * What raw SQL must know about the database behind DATABASE_URL: where the tables are (the
 * PostgreSQL schema of `?schema=`), and how to move binary columns as text.
 */
export type SqlDialect = {
  name: "sqlite" | "postgres";
  /** A table name, qualified with the PostgreSQL schema where there is one. */
  table(name: string): Prisma.Sql;
  /** A binary column read as text: hex on SQLite, base64 on PostgreSQL (aliased to the column's name). */
  bytesAsText(column: string): Prisma.Sql;
  /** The bytes back from that text. */
  bytesFromText(text: string): Uint8Array;
  /**
   * A table read through a named index: `INDEXED BY` on SQLite, whose planner cannot tell how
   * selective `IS NOT NULL` is and would walk a million rows by another index; the table alone
   * on PostgreSQL, whose statistics know the share of nulls.
   */
  tableByIndex(name: string, alias: string, index: string): Prisma.Sql;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function sqlDialect(databaseUrl: string = env().DATABASE_URL): SqlDialect {
  if (isPostgresUrl(databaseUrl)) {
    const { schema } = parsePostgresUrl(databaseUrl);
    const qualified = (name: string) => (schema ? `${quote(schema)}.${quote(name)}` : quote(name));
    return {
      name: "postgres",
      table: (name) => Prisma.raw(qualified(name)),
      bytesAsText: (column) => Prisma.raw(`encode(${quote(column)}, 'base64') AS ${quote(column)}`),
      bytesFromText: (text) => Buffer.from(text, "base64"),
      tableByIndex: (name, alias) => Prisma.raw(`${qualified(name)} ${quote(alias)}`),
    };
  }
  return {
    name: "sqlite",
    table: (name) => Prisma.raw(quote(name)),
    bytesAsText: (column) => Prisma.raw(`hex(${quote(column)}) AS ${quote(column)}`),
    bytesFromText: (text) => Buffer.from(text, "hex"),
    tableByIndex: (name, alias, index) => Prisma.raw(`${quote(name)} ${quote(alias)} INDEXED BY ${quote(index)}`),
  };
}

/** A boolean as raw SQL returns it: a boolean on PostgreSQL, 0 or 1 on SQLite for an expression. */
export type SqlBoolean = boolean | number | bigint;

export const fromSqlBoolean = (value: SqlBoolean): boolean => Boolean(Number(value));
