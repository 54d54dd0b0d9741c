// Builds one migrated and seeded template database per run; every suite clones it (PGlite: a data
// dump; PostgreSQL: CREATE DATABASE … TEMPLATE) instead of migrating and seeding again.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { connect, migrate } from "../../db/connect";
import { seed } from "../../db/seed";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `cc_tpl_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    const handle = await connect({ url: withDatabase(adminUrl, name), max: 2 });
    await migrate(handle);
    await seed(handle.db, { quiet: true });
    await handle.close();
    project.provide("pgTemplate", name);
    project.provide("pgliteTemplate", "");
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "cc-pglite-"));
  const handle = await connect({});
  await migrate(handle);
  await seed(handle.db, { quiet: true });
  const file = path.join(dir, "template.tar.gz");
  writeFileSync(file, Buffer.from(await (await handle.dump!()).arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  project.provide("pgTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
