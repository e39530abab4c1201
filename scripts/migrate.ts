/**
 * `npm run db:migrate`: brings the database at DATABASE_URL to the current schema (and
 * completes the search index) without loading demo data and without serving, for a
 * deployment that migrates once before starting its web and collab nodes.
 */
import { env } from "../app/utils/env.server";
import { prepareDatabase } from "./prepare-database";

await prepareDatabase(env().DATABASE_URL, { seed: false });
console.log("database is up to date");
