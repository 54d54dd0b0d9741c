// npm run db:seed — migrates, then writes the demo data (db/seed.ts) into DATABASE_URL or the embedded
// PGlite folder. A database that already has labs is left alone.
import { count } from "drizzle-orm";
import { migrate } from "../db/connect";
import { openDatabaseForScript } from "./open-database";
import { labs } from "../db/schema";
import { seed } from "../db/seed";

const handle = await openDatabaseForScript("db:seed");
try {
  await migrate(handle);
  const [{ n }] = await handle.db.select({ n: count() }).from(labs);
  if (n > 0) {
    console.log(`already seeded (${n} labs in ${handle.kind})`);
  } else {
    const started = Date.now();
    const result = await seed(handle.db);
    console.log(
      `seeded ${handle.kind}: ${result.labs} labs, ${result.bills} bills, ${result.reports} reports in ${Date.now() - started} ms`,
    );
  }
} catch (err) {
  console.error(`db:seed failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
