// npm run token:revoke -- --lab L --id ID
// Revokes an API token: from the next request on, it is answered 401.
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrate } from "../db/connect";
import { revokeApiToken } from "../db/queries/api-tokens";
import { openDatabaseForScript } from "./open-database";

const { values } = parseArgs({ options: { lab: { type: "string" }, id: { type: "string" } } });
const positive = z.coerce.number().int().positive();
const args = z.object({ lab: positive, id: positive }).safeParse(values);
if (!args.success) {
  console.error(args.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}
const handle = await openDatabaseForScript("token:revoke");
try {
  if (handle.kind === "pglite") await migrate(handle);
  if (!(await revokeApiToken(handle.db, args.data.lab, args.data.id))) {
    throw new Error(`lab ${args.data.lab} has no live API token ${args.data.id}`);
  }
  console.log(`revoked API token ${args.data.id}`);
} catch (err) {
  console.error(`token:revoke failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
