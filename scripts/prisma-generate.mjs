// Runs on `npm install`: generates the Prisma clients for both providers.
// Plain JavaScript because tsx may not be linked yet when npm runs postinstall.
import { execFileSync } from "node:child_process";

const schemas = ["prisma/schema.prisma", "prisma/postgres/schema.prisma"];
for (const schema of schemas) {
  execFileSync("node_modules/.bin/prisma", ["generate", "--no-hints", "--schema", schema], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
