// A PostgreSQL primary and a streaming replica on loopback ports, made with Debian's cluster tools
// (pg_createcluster, pg_basebackup -R, pg_ctlcluster, pg_dropcluster). Needs root (CI runs as root)
// or the postgres user; the data folders belong to postgres, so its tools run as that user.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import postgres from "postgres";

export interface Clusters {
  version: string;
  primary: { name: string; port: number; url: (db: string) => string };
  replica: { name: string; port: number; url: (db: string) => string };
  stopReplica(): void;
  drop(): void;
}

const asRoot = process.getuid?.() === 0;

function run(cmd: string, args: string[], asPostgres = false) {
  const [file, argv] = asPostgres && asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

function dropCluster(version: string, name: string) {
  if (!existsSync(`/etc/postgresql/${version}/${name}`)) return;
  try {
    run("pg_dropcluster", ["--stop", version, name]);
  } catch (e) {
    console.error(`pg_dropcluster ${version} ${name}: ${(e as Error).message}`);
  }
}

/** Allows the app and replication from loopback without passwords, on loopback only. */
function configure(version: string, name: string, port: number) {
  const conf = `/etc/postgresql/${version}/${name}`;
  writeFileSync(`${conf}/conf.d/scale-test.conf`, [`listen_addresses = '127.0.0.1'`, `port = ${port}`, "wal_level = replica", "max_wal_senders = 5", "hot_standby = on", "fsync = off", ""].join("\n"));
  writeFileSync(
    `${conf}/pg_hba.conf`,
    ["local all postgres peer", "host all all 127.0.0.1/32 trust", "host replication all 127.0.0.1/32 trust", ""].join("\n"),
  );
}

async function waitReady(port: number) {
  for (let i = 0; i < 100; i++) {
    try {
      run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(port)]);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`PostgreSQL on port ${port} did not come up`);
}

const urlOf = (port: number) => (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;

/**
 * Creates the primary (with `prepare` run on it: create, migrate and seed the app's database), then
 * the replica as a base backup of it that streams from it. Clusters left by an earlier run are dropped.
 */
export async function createClusters(opts: { primaryPort: number; replicaPort: number; prepare: (primaryUrl: (db: string) => string) => Promise<void> }): Promise<Clusters> {
  const version = readdirSync("/usr/lib/postgresql").sort().at(-1)!;
  const primary = { name: "cc_scale_primary", port: opts.primaryPort, url: urlOf(opts.primaryPort) };
  const replica = { name: "cc_scale_replica", port: opts.replicaPort, url: urlOf(opts.replicaPort) };
  const drop = () => {
    dropCluster(version, replica.name);
    dropCluster(version, primary.name);
  };
  drop();
  try {
    run("pg_createcluster", [version, primary.name, "-p", String(primary.port)]);
    configure(version, primary.name, primary.port);
    run("pg_ctlcluster", ["--skip-systemctl-redirect", version, primary.name, "start"]);
    await waitReady(primary.port);
    await opts.prepare(primary.url);

    // The replica: a cluster whose data folder is replaced by a base backup of the primary; -R writes
    // standby.signal and primary_conninfo, so it starts as a hot standby streaming from the primary.
    run("pg_createcluster", [version, replica.name, "-p", String(replica.port)]);
    configure(version, replica.name, replica.port);
    const dataDir = `/var/lib/postgresql/${version}/${replica.name}`;
    run("find", [dataDir, "-mindepth", "1", "-delete"]); // emptied; the folder stays, owned by postgres
    run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dataDir, "-R", "-X", "stream", "-c", "fast"], true);
    run("pg_ctlcluster", ["--skip-systemctl-redirect", version, replica.name, "start"]);
    await waitReady(replica.port);
    const sql = postgres(replica.url("postgres"), { max: 1, onnotice: () => {} });
    const [{ standby }] = await sql<{ standby: boolean }[]>`select pg_is_in_recovery() as standby`;
    await sql.end();
    if (!standby) throw new Error("the replica is not in recovery");
  } catch (e) {
    drop();
    throw e;
  }
  return {
    version,
    primary,
    replica,
    stopReplica: () => run("pg_ctlcluster", ["--skip-systemctl-redirect", version, replica.name, "stop", "-m", "fast"]),
    drop,
  };
}
