// `npm run db:seed`: migrate and load demo data into an empty database.
import { env } from "../../app/utils/env.server";
import { prepareDatabase } from "../../scripts/prepare-database";

await prepareDatabase(env().DATABASE_URL, { seed: true });
