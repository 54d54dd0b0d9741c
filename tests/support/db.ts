// A fresh database per suite, cloned from the run's template, installed as the app's database.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Logger } from "drizzle-orm";
import postgres from "postgres";
import { inject } from "vitest";
import { setDbHandle } from "../../db";
import { connect, type DbHandle } from "../../db/connect";
import { withDatabase } from "./global-setup";

export const queryCounter = { count: 0, log: [] as string[] };
const countingLogger: Logger = {
  logQuery(query) {
    queryCounter.count++;
    queryCounter.log.push(query);
  },
};

export interface TestDb extends DbHandle {
  /** PostgreSQL only: the URL of this suite's database. */
  url?: string;
  dispose(): Promise<void>;
}

export async function openTestDb(opts: { max?: number } = {}): Promise<TestDb> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject("pgTemplate");
  let handle: DbHandle;
  let drop = async () => {};
  let url: string | undefined;
  if (adminUrl && template) {
    const name = `cc_t_${randomBytes(6).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    url = withDatabase(adminUrl, name);
    handle = await connect({ url, logger: countingLogger, max: opts.max ?? 10 });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const file = inject("pgliteTemplate");
    handle = await connect({ pgliteLoad: new Blob([readFileSync(file)]), logger: countingLogger });
  }
  setDbHandle(handle);
  return {
    ...handle,
    url,
    async dispose() {
      setDbHandle(undefined);
      await handle.close();
      await drop();
    },
  };
}
