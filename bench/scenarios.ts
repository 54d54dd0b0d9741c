// What the bench measures: each scenario is one endpoint on one bill size, as an HTTP request (for
// autocannon) and as the same SQL run directly (the app's own query functions on a postgres.js drizzle
// handle, session lookup included, in the order the route runs them).
import type { Db } from "../db/connect";
import { getCalloutLogs } from "../db/queries/callout-logs";
import { getCompliance } from "../db/queries/compliance";
import { getCalloutRecords } from "../db/queries/callout-records";
import { getCriticalRecords } from "../db/queries/critical-records-read";
import { postCallout } from "../db/queries/post-callout";
import { transportFor } from "../server/notify/transports";
import { loadSession } from "../db/queries/sessions";
import { getWorklist } from "../db/queries/worklist";
import { type PostCalloutInput, postCalloutBodySchema } from "../contracts/critical";
import { worklistQuerySchema } from "../contracts/worklist";
import { complianceQuerySchema } from "../contracts/compliance";
import type { HttpRequest } from "./load";

export type Kind = "read" | "write" | "worklist";

export interface Scenario {
  id: string;
  endpoint: string;
  size: string;
  kind: Kind;
  /** Ratio target (endpoint p50 / raw p50) at concurrency 1, if any. */
  ratioTarget?: number;
  http: (i: number) => HttpRequest;
  raw: (db: Db, i: number) => Promise<unknown>;
}

export interface ScenarioContext {
  /** The raw session token (the cookie's value). */
  token: string;
  runId: string;
  typicalBill: number;
  largeBill: number;
  /** Critical report ids of the read bills, as endpoint 1 returns them to this session. */
  ids: Map<number, number[]>;
  /** Bills the writes rotate over (each request the next bill), with their critical report ids. */
  pools: { draftTypical: number[]; draftLarge: number[]; doneTypical: number[]; doneLarge: number[] };
  /** A department of the session's lab for the filtered worklist. */
  departmentId: number;
}

async function session(db: Db, token: string) {
  const s = await loadSession(db, token);
  if (!s) throw new Error("bench: session not found");
  return s;
}

const DRAFT: Omit<PostCalloutInput, "lab_report_ids"> = {
  is_draft: true,
  recipients: ["Referral"],
  critical_callout_comment: "No answer at the clinic; will call back.",
  critical_callout_meta: { communication_methods: ["email"] },
};
const DONE: Omit<PostCalloutInput, "lab_report_ids"> = {
  is_draft: false,
  recipients: ["Referral", "Organization"],
  critical_callout_comment: "Critical values read back by the receiver.",
  critical_callout_meta: {
    communication_methods: ["email"],
    already_notified: { phone_call: { name: "Charge nurse on duty", contact: "+1-555-0100", read_back: true } },
  },
};

export function buildScenarios(c: ScenarioContext): Scenario[] {
  const out: Scenario[] = [];
  const bills: [string, number][] = [
    [`typical (${c.ids.get(c.typicalBill)!.length})`, c.typicalBill],
    [`large (${c.ids.get(c.largeBill)!.length})`, c.largeBill],
  ];
  for (const [size, bill] of bills) {
    out.push({
      id: `e1-${size.split(" ")[0]}`,
      endpoint: "1 GET records",
      size,
      kind: "read",
      ratioTarget: 1.5,
      http: () => ({ method: "GET", path: `/report/${bill}/critical/records` }),
      raw: async (db) => getCriticalRecords(db, await session(db, c.token), bill),
    });
  }
  for (const [size, bill] of bills) {
    const ids = c.ids.get(bill)!;
    out.push({
      id: `e2-${size.split(" ")[0]}`,
      endpoint: "2 GET logs",
      size,
      kind: "read",
      ratioTarget: 1.5,
      http: () => ({ method: "GET", path: `/report/bulk/critical-notification/logs?report_ids=${ids.join(",")}` }),
      raw: async (db) => getCalloutLogs(db, await session(db, c.token), ids),
    });
  }
  for (const [size, bill] of bills) {
    const ids = c.ids.get(bill)!;
    out.push({
      id: `e3-${size.split(" ")[0]}`,
      endpoint: "3 POST audit records",
      size,
      kind: "read",
      ratioTarget: 1.5,
      http: () => ({ method: "POST", path: "/operation/critical-callout", body: { lab_report_ids: ids } }),
      raw: async (db) => getCalloutRecords(db, await session(db, c.token), ids),
    });
  }

  const worklists: [string, string, Record<string, string>][] = [
    ["wl-pending", "pending, page 1", { tab: "pending", page: "1" }],
    ["wl-done", "done, page 1", { tab: "done", page: "1" }],
    ["wl-filtered", "pending, dept + status", { tab: "pending", department: String(c.departmentId), status: "pending", page: "1" }],
  ];
  for (const [id, size, query] of worklists) {
    const parsed = worklistQuerySchema.parse(query);
    out.push({
      id,
      endpoint: "worklist",
      size,
      kind: "worklist",
      http: () => ({ method: "GET", path: `/api/worklist?${new URLSearchParams(query)}` }),
      raw: async (db) => getWorklist(db, await session(db, c.token), parsed),
    });
  }

  // Compliance (DESIGN §11): a year of the session's lab (the dataset's bills span the year before
  // 2026-11-20), overall and by month, and by department.
  const compliance: [string, string, Record<string, string>][] = [
    ["cmp-year-month", "a year, by month", { from: "2025-11-20", to: "2026-11-21", group_by: "month" }],
    ["cmp-year-dept", "a year, by department", { from: "2025-11-20", to: "2026-11-21", group_by: "department" }],
  ];
  for (const [id, size, query] of compliance) {
    const parsed = complianceQuerySchema.parse(query);
    out.push({
      id,
      endpoint: "compliance",
      size,
      kind: "read",
      http: () => ({ method: "GET", path: `/api/compliance?${new URLSearchParams(query)}` }),
      raw: async (db) => getCompliance(db, await session(db, c.token), parsed),
    });
  }

  const writes: [string, string, Map<number, number[]>, Omit<PostCalloutInput, "lab_report_ids">][] = [];
  const poolMap = (pool: number[]) => new Map(pool.map((b) => [b, c.ids.get(b)!]));
  writes.push(["e4-draft-typical", "typical, draft", poolMap(c.pools.draftTypical), DRAFT]);
  writes.push(["e4-draft-large", "large, draft", poolMap(c.pools.draftLarge), DRAFT]);
  writes.push(["e4-done-typical", "typical, done", poolMap(c.pools.doneTypical), DONE]);
  writes.push(["e4-done-large", "large, done", poolMap(c.pools.doneLarge), DONE]);
  for (const [id, size, pool, template] of writes) {
    const bills = [...pool.keys()];
    const request = (i: number) => {
      const bill = bills[i % bills.length];
      const input = { ...template, lab_report_ids: pool.get(bill)! };
      return { bill, input };
    };
    out.push({
      id,
      endpoint: "4 POST callout",
      size: `${size} (${bills.length} bills)`,
      kind: "write",
      ratioTarget: 2,
      http: (i) => {
        const { bill, input } = request(i);
        return {
          method: "POST",
          path: `/report/${bill}/critical/callout`,
          body: input,
          headers: { "idempotency-key": `${c.runId}-${id}-http-${i}` },
        };
      },
      raw: async (db, i) => {
        const { bill, input } = request(i);
        const s = await session(db, c.token);
        return postCallout(db, s, bill, postCalloutBodySchema.parse(input), `${c.runId}-${id}-raw-${i}`, transportFor);
      },
    });
  }
  return out;
}
