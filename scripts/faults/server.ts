// Helpers for fault and soak scripts: a fresh PostgreSQL database and a `next start` child process.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connect, migrate } from "../../db/connect";
import { seed } from "../../db/seed";

export const ADMIN_URL = process.env.FAULT_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates, migrates and seeds a database; returns its URL and a drop function. */
export async function freshDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = databaseUrl(name);
  const handle = await connect({ url, max: 2 });
  await migrate(handle);
  await seed(handle.db, { quiet: true });
  await handle.close();
  return {
    url,
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface Server {
  child: ChildProcess;
  baseURL: string;
  pid: number;
}

/** Starts the production build (`next start`, `nodeArgs` given to node) and waits until it answers. */
export async function startServer(
  url: string,
  port: number,
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Server> {
  const child = spawn("node", [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), INSECURE_COOKIES: "1", ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`${baseURL}/login`);
      if (res.status < 500) return { child, baseURL, pid: child.pid! };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("next start did not come up");
}

export function killHard(server: Server) {
  try {
    process.kill(-server.pid, "SIGKILL");
  } catch {}
}

export async function stopServer(server: Server) {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
  await new Promise((r) => setTimeout(r, 300));
  killHard(server);
}

export async function login(baseURL: string, username: string, password = "demo1234"): Promise<string> {
  const res = await fetch(`${baseURL}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}
