// The usual start of an integration suite: a fresh database with the fixture world built in it.

import { openTestDb, type TestDb } from "./db";
import type { Scenario } from "./fixtures";
import { buildScenario } from "./fixtures";

export async function openScenario(): Promise<{ tdb: TestDb; s: Scenario }> {
  const tdb = await openTestDb();
  return { tdb, s: await buildScenario(tdb.db) };
}

/** An attempted callout of the given reports: the smallest valid body of endpoint 4. */
export function attemptBody(ids: number[], comment: string, recipients: string[] = ["Referral"]) {
  return { lab_report_ids: ids, is_draft: true, recipients, critical_callout_comment: comment, critical_callout_meta: { communication_methods: ["email"] } };
}
