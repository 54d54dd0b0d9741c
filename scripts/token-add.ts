// npm run token:add -- --lab L --name N --as USERNAME
// Creates an API token acting as that user (with the user's scope) and prints it once, alone on the
// last line: only its hash is stored, so it cannot be shown again. Revoke with `npm run token:revoke`.
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { migrate } from "../db/connect";
import { createApiToken } from "../db/queries/api-tokens";
import { labs, users } from "../db/schema";
import { openDatabaseForScript } from "./open-database";

const { values } = parseArgs({ options: { lab: { type: "string" }, name: { type: "string" }, as: { type: "string" } } });
const args = z
  .object({ lab: z.coerce.number().int().positive(), name: z.string().trim().min(1).max(200), as: z.string().min(1) })
  .safeParse(values);
if (!args.success) {
  console.error(args.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}
const a = args.data;
const handle = await openDatabaseForScript("token:add");
try {
  if (handle.kind === "pglite") await migrate(handle);
  const db = handle.db;
  const [lab] = await db.select().from(labs).where(eq(labs.id, a.lab));
  if (!lab) throw new Error(`lab ${a.lab} does not exist`);
  const [user] = await db.select().from(users).where(and(eq(users.username, a.as), eq(users.labId, a.lab)));
  if (!user) throw new Error(`user ${a.as} is not in lab ${a.lab}`);
  const { id, token } = await createApiToken(db, user, a.name);
  console.log(`created API token ${id} "${a.name}" acting as ${user.username} (${user.kind}) in lab ${lab.name}`);
  console.log("store it now: it is not shown again (revoke with npm run token:revoke -- --lab L --id ID)");
  console.log(token);
} catch (err) {
  console.error(`token:add failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
