// Demo data: two labs with a test catalog, people, bills and reports, and a callout history that
// follows DESIGN §5.4, dated relative to `now` (DESIGN §7: open results minutes to hours old).
// Deterministic for a given `now`: a seeded PRNG, so every run writes the same rows (only the
// password hash's salt differs). No "server-only": scripts and tests use it.
//
// Every report's critical_values agrees with its values under the DESIGN §4 rule
// (domain/critical/evaluate.ts, through rule.ts), with the range that fits the patient (sex, age at
// collection): 1/2/4 ⇒ at least one critical parameter, 3 ⇒ outside normal but none critical,
// 0 ⇒ all normal. tests/integration/seed-consistency.test.ts checks it on the written rows.
import { hashPassword } from "@/domain/auth/password";
import type { Db } from "../connect";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../demo-logins";
import { insertBills, insertCatalog, insertPeople } from "./insert";
import { insertHistory } from "./insert-history";
import { planLab } from "./plan-lab";
import { timeline } from "./timeline";

export { DEMO_LOGINS, DEMO_PASSWORD };

export interface SeedOptions {
  /** No list of featured bills on stdout. */
  quiet?: boolean;
  /** The demo's "now" (default: the current time); bills span the day before it. */
  now?: Date;
}

/** Writes the demo data into an empty, migrated database, in one transaction. */
export async function seed(db: Db, opts: SeedOptions = {}): Promise<{ labs: number; bills: number; reports: number }> {
  const tl = timeline(opts.now ?? new Date());
  const labsPlan = [planLab(1, tl), planLab(2, tl)];
  // scrypt is slow on purpose: one hash, shared by every demo login (all use DEMO_PASSWORD).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let reports = 0;
  await db.transaction(async (tx) => {
    for (const lab of labsPlan) {
      await insertCatalog(tx, lab);
      await insertPeople(tx, lab, passwordHash);
      reports += await insertBills(tx, lab, tl);
      await insertHistory(tx, lab, tl);
    }
  });
  if (!opts.quiet) {
    for (const lab of labsPlan) {
      console.log(`${lab.name} (lab ${lab.id}):`);
      for (const b of lab.bills) if (b.feature) console.log(`  ${b.accession} (bill ${b.id}) ${b.feature}`);
    }
  }
  return { labs: labsPlan.length, bills: labsPlan.reduce((n, lab) => n + lab.bills.length, 0), reports };
}
