// npm run db:migrate — applies db/migrations to DATABASE_URL, or to the embedded PGlite folder.
import { connect, migrate } from "../db/connect";

const handle = await connect({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR ?? ".data/pglite" });
const started = Date.now();
await migrate(handle);
await handle.close();
console.log(`migrated ${handle.kind} in ${Date.now() - started} ms`);
