// npm run db:migrate — applies db/migrations to DATABASE_URL, or to the embedded PGlite folder.
import { migrate } from "../db/connect";
import { openDatabaseForScript } from "./open-database";

const handle = await openDatabaseForScript("db:migrate");
const started = Date.now();
await migrate(handle);
await handle.close();
console.log(`migrated ${handle.kind} in ${Date.now() - started} ms`);
