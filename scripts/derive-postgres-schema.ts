// Writes prisma/postgres/schema.prisma from prisma/schema.prisma.
import { readFileSync, writeFileSync } from "node:fs";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./schema-derivation";

writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
console.log(`wrote ${POSTGRES_SCHEMA}`);
