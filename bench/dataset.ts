// The benchmark's dataset: a database `cc_bench_<scale>` on the PostgreSQL server of DATABASE_URL,
// built with SQL (generate_series, INSERT … SELECT) in a few minutes. At scale 1: 5 labs, 200,000
// bills, ~1,016,000 lab reports (~12% critical, statuses 1/2/4), ~10M report values, 1M activity log
// rows (category 648 and others), ~200,000 critical callouts; the demo seed (labs 1–2) underneath.
//
// Shape:
// - the test catalog of db/seed.ts (labs 1 and 2), replicated for labs 3–5, plus two large panels per
//   lab ("CBC with Differential", "Comprehensive Metabolic Panel", 16 parameters each) that are
//   ordered often enough to bring a report to ~10 values on average;
// - normal bills (1–9 reports, 5 on average) spread over a year, their critical reports almost all
//   done (2) except in the last 3 days (older: 0.5% pending, 0.2% attempted); a done bill was called out 1–3 times (one activity log row per
//   action, one callout row per report and action); a bill with attempted (4) reports has its draft;
// - in lab 1, 300 "typical" bills (12 reports, 10 critical: 4 done, 4 pending, 2 attempted) and 40
//   "large" bills (100 critical: 50 done, 30 pending, 20 attempted), the newest bills, ids in
//   bench_meta (at least 50 and 5 at small scales);
// - every value agrees with the DESIGN §4 rule (patients are adults with a known sex and birth date;
//   a critical report has at least one critical parameter; checked with the app's evaluator);
// - per lab a support login `bench.support<lab>` and a department-scoped one `bench.tech<lab>`
//   (Hematology and Clinical Chemistry, department list in the login), password demo1234.
//
// A dataset that already exists with the right row counts is reused (and migrated to the latest
// migration); BENCH_REBUILD=1 rebuilds it. Usage: `tsx bench/dataset.ts [scale]` (DATABASE_URL: a server
// it may create databases on).
import { asc, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { hashPassword } from "../domain/auth/password";
import { connect, type Db, migrate } from "../db/connect";
import { loadCriticalParameters } from "../db/queries/critical-evaluation";
import { DEMO_PASSWORD, seed } from "../db/seed";
import * as t from "../db/schema";

/** The demo seed's "now" and the bulk data's, fixed so that every build writes the same dataset. */
const BENCH_NOW = new Date("2026-11-20T08:00:00Z");

export const GENERATOR_VERSION = 7;
export const BENCH_PASSWORD = DEMO_PASSWORD;

export interface BenchMeta {
  version: number;
  scale: number;
  /** Lab 1 bills with 10 critical reports (12 reports), newest last. */
  typicalBills: number[];
  /** Lab 1 bills with 100 critical reports. */
  largeBills: number[];
  labs: number[];
  counts: Record<string, number>;
  /** Highest ids of the append-only tables as built: rows above them are the bench's own writes. */
  maxIds: Record<string, number>;
  builtAt: string;
  buildSeconds: number;
}

export interface Dataset {
  name: string;
  url: string;
  scale: number;
  reused: boolean;
  meta: BenchMeta;
}

/** `cc_bench_<scale>`; BENCH_DB_PREFIX (default `cc_bench_`) keeps a branch's datasets apart from main's. */
export function datasetName(scale: number) {
  return `${process.env.BENCH_DB_PREFIX ?? "cc_bench_"}${String(scale).replace(/[^0-9]/g, "_")}`;
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** How many rows of each kind a scale asks for. */
export function plan(scale: number) {
  const bills = Math.round(200_000 * scale);
  const large = Math.max(5, Math.round(40 * scale));
  const typical = Math.max(50, Math.round(300 * scale));
  return {
    bills,
    large,
    typical,
    patientsPerLab: Math.max(200, Math.round(10_000 * scale)),
    orgsPerLab: 20,
    referralsPerLab: 60,
    activityLogs: Math.round(1_000_000 * scale),
    callouts: Math.round(200_000 * scale),
    /** Average values per report the test mix aims at. */
    valuesPerReport: 10,
  };
}

const TABLES = ["bills", "lab_reports", "report_values", "critical_callouts", "activity_logs", "patients"] as const;
/** Tables the bench's writes add rows to. */
const WRITTEN_TABLES = ["critical_callouts", "activity_logs", "outbound_messages"] as const;

/** How often each catalog test is ordered (as in db/seed.ts); the two bench panels are sized to reach
 * the target values per report. */
const TEST_WEIGHTS: Record<string, number> = {
  "Complete Blood Count": 10, Hemoglobin: 4, "Platelet Count": 3, "WBC with Differential": 3, "Peripheral Blood Smear": 1,
  ESR: 2, "Reticulocyte Count": 1, "Basic Metabolic Panel": 9, "Glucose, Fasting": 4, Potassium: 4, Sodium: 2, Magnesium: 2,
  Phosphorus: 1, "Total Bilirubin": 2, "Troponin I (hs)": 3, Lactate: 2, Ammonia: 1, "Digoxin Level": 1, "Liver Function Panel": 3,
  "Blood Culture": 3, "Gram Stain": 1, "CSF Analysis": 1, "Urine Culture": 3, "Malaria Antigen (Rapid)": 1, TSH: 3,
  Procalcitonin: 1, "C-Reactive Protein": 3, "Cryptococcal Antigen": 1, Ferritin: 1, "Coagulation Profile": 3, "PT/INR": 5,
  aPTT: 2, Fibrinogen: 1, "D-Dimer": 2, "Arterial Blood Gas": 2, "Venous Blood Gas": 1, "Ionized Calcium": 1, Carboxyhemoglobin: 1,
};

/** The two bench panels: copies of catalog parameters (with their ranges) plus a few normal-only ones. */
const PANELS: { name: string; dept: string; from: [string, string[]][]; extra: [string, string, number, number][] }[] = [
  {
    name: "CBC with Differential",
    dept: "Hematology",
    from: [
      ["Complete Blood Count", ["WBC", "RBC", "Hemoglobin", "Hematocrit", "MCV", "Platelet Count"]],
      ["WBC with Differential", ["Absolute Neutrophil Count", "Lymphocytes"]],
      ["Reticulocyte Count", ["Reticulocytes"]],
    ],
    extra: [
      ["MCH", "pg", 27, 33],
      ["MCHC", "g/dL", 32, 36],
      ["RDW", "%", 11.5, 14.5],
      ["MPV", "fL", 7.5, 11.5],
      ["Monocytes", "%", 2, 8],
      ["Eosinophils", "%", 1, 4],
      ["Basophils", "%", 0, 1],
    ],
  },
  {
    name: "Comprehensive Metabolic Panel",
    dept: "Clinical Chemistry",
    from: [
      ["Basic Metabolic Panel", ["Sodium", "Potassium", "Chloride", "Bicarbonate", "Glucose", "BUN", "Creatinine", "Calcium"]],
      ["Liver Function Panel", ["ALT", "AST", "Alkaline Phosphatase", "Total Bilirubin", "Albumin"]],
      ["Magnesium", ["Magnesium"]],
      ["Phosphorus", ["Phosphorus"]],
    ],
    extra: [["Total Protein", "g/dL", 6.0, 8.3]],
  },
];

const FIRST_M = ["James", "Robert", "Michael", "David", "William", "Omar", "Luis", "Wei", "Arjun", "Kwame", "Mateo", "Ivan", "Hiroshi", "Samuel"];
const FIRST_F = ["Mary", "Patricia", "Jennifer", "Linda", "Aisha", "Fatima", "Mei", "Priya", "Sofia", "Olga", "Yuki", "Amara", "Lucia", "Grace"];
const LAST = ["Smith", "Johnson", "Garcia", "Miller", "Davis", "Martinez", "Lee", "Nguyen", "Patel", "Kim", "Okafor", "Kowalski", "Rossi", "Schmidt", "Novak", "Haddad", "Tanaka", "Mensah", "Silva", "Singh"];

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

type Log = (msg: string) => void;

/** Returns the dataset of this scale, building it unless one with the right counts exists. */
export async function ensureDataset(adminUrl: string, scale: number, log: Log = console.log): Promise<Dataset> {
  const name = datasetName(scale);
  const url = withDatabase(adminUrl, name);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const meta = process.env.BENCH_REBUILD === "1" ? null : await reusable(url, scale);
      if (meta) {
        const handle = await connect({ url, max: 1 });
        await migrate(handle); // a reused dataset gets the migrations (indexes) added since it was built
        await handle.close();
        const restored = await restoreDataset(url, meta);
        const counts = await withSql(url, countRows);
        log(
          `dataset ${name}: reused (${describeCounts(counts)})` +
            (restored.rows || restored.statuses
              ? `; restored as built: ${restored.rows} rows of earlier bench writes removed, ${restored.statuses} report statuses reset`
              : ""),
        );
        return { name, url, scale, reused: true, meta: { ...meta, counts } };
      }
      log(`dataset ${name}: exists but incomplete or outdated; rebuilding`);
      await admin.unsafe(`drop database ${name} with (force)`);
    }
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const meta = await build(url, scale, log);
  log(`dataset ${name}: built in ${meta.buildSeconds} s (${describeCounts(meta.counts)})`);
  return { name, url, scale, reused: false, meta };
}

function describeCounts(c: Record<string, number>) {
  return Object.entries(c)
    .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
    .join(", ");
}

async function withSql<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

async function countRows(sql: postgres.Sql) {
  const counts: Record<string, number> = {};
  for (const table of [...TABLES, "outbound_messages"]) {
    const [{ n }] = await sql.unsafe(`select count(*)::int as n from ${table}`);
    counts[table] = n;
  }
  return counts;
}

/** The stored meta if the dataset is complete: same generator, same immutable row counts, and the
 * append-only tables at least as large as built (the bench's writes add to them). */
async function reusable(url: string, scale: number): Promise<BenchMeta | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select value from bench_meta where key = 'meta'`.catch(() => [] as { value: BenchMeta }[]);
    const meta = row?.value as BenchMeta | undefined;
    if (!meta || meta.version !== GENERATOR_VERSION || meta.scale !== scale) return null;
    const now = await countRows(sql);
    for (const table of ["bills", "lab_reports", "report_values", "patients"]) if (now[table] !== meta.counts[table]) return null;
    // The bench's writes add to these (removed again by restoreDataset) and replace some drafts.
    for (const table of WRITTEN_TABLES) if (now[table] < meta.counts[table] * 0.9) return null;
    return meta;
  } finally {
    await sql.end();
  }
}

async function build(url: string, scale: number, log: Log): Promise<BenchMeta> {
  const started = Date.now();
  const p = plan(scale);
  const step = (what: string) => log(`  [${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}`);
  const handle = await connect({ url, max: 1 });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    step("migrate and seed the demo labs 1–2");
    await migrate(handle);
    await seed(handle.db, { quiet: true, now: BENCH_NOW });

    await sql.unsafe(`set synchronous_commit = off; set maintenance_work_mem = '512MB'; set work_mem = '64MB';
      set max_parallel_workers_per_gather = 0; set session_replication_role = replica; select setseed(0.42)`);

    step("catalog: labs 3–5 from labs 1–2, bench panels, people, logins");
    const labIds = await buildCatalog(handle.db, sql, p);

    // Secondary indexes go during the load and come back after it (PostgreSQL builds them far faster
    // in one sort than row by row). Primary keys stay.
    const indexes = await sql<{ indexname: string; indexdef: string }[]>`
      select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename in ${sql(TABLES as unknown as string[])}
        and indexname not in (select conname from pg_constraint)`;
    for (const ix of indexes) await sql.unsafe(`drop index ${ix.indexname}`);

    step(`bills (${p.bills.toLocaleString("en-US")}) and lab reports`);
    const { typicalBills, largeBills } = await buildBillsAndReports(sql, p);

    step("report values");
    await buildValues(sql);

    step("critical callouts and activity logs");
    await buildHistory(sql, p);

    step(`indexes (${indexes.length})`);
    for (const ix of indexes) await sql.unsafe(ix.indexdef);
    for (const table of ["bills", "lab_reports", "report_values", "critical_callouts", "activity_logs", "patients", "organizations", "doctors"]) {
      await sql.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    }
    await sql.unsafe("set session_replication_role = origin");
    // The load bypassed the triggers, so the worklist's summary (migration 0009) is built from the rows.
    step("worklist summary");
    await sql.unsafe("select worklist_summary_rebuild()");

    // The load ran without triggers: the compliance summary is built as migration 0008 backfills it.
    step("compliance summary");
    await sql.unsafe(`select cc_compliance_refresh(array(select id from lab_reports
      where critical_values in (1, 2, 4) and sample_collected and not dismissed))`);

    step("check the values against the app's evaluator");
    await verify(handle.db, sql, typicalBills, largeBills);

    step("vacuum analyze");
    await sql.unsafe("vacuum analyze");

    const counts = await countRows(sql);
    const maxIds: Record<string, number> = {};
    for (const table of WRITTEN_TABLES) {
      const [{ max }] = await sql.unsafe(`select coalesce(max(id), 0)::int as max from ${table}`);
      maxIds[table] = max;
    }
    const meta: BenchMeta = {
      version: GENERATOR_VERSION,
      scale,
      typicalBills,
      largeBills,
      labs: labIds,
      counts,
      maxIds,
      builtAt: new Date().toISOString(),
      buildSeconds: Math.round((Date.now() - started) / 1000),
    };
    await sql`create table bench_meta (key text primary key, value jsonb not null)`;
    await sql`insert into bench_meta ${sql({ key: "meta", value: sql.json(meta as unknown as postgres.JSONValue) })}`;
    return meta;
  } finally {
    await sql.end();
    await handle.close();
  }
}

/** Labs 3–5 (copies of the catalog of lab 1 or 2), the bench panels of every lab, the lab's
 * organizations, referral doctors, patients and bench logins; fills the temp table lab_gen. */
async function buildCatalog(db: Db, sql: postgres.Sql, p: ReturnType<typeof plan>): Promise<number[]> {
  const [lab1, lab2] = await db.select().from(t.labs).orderBy(asc(t.labs.id));
  const labIds = [lab1.id, lab2.id];
  for (const [i, n] of ["Eastside Reference Laboratory", "Summit Pathology Group", "Bayview Hospital Laboratory"].entries()) {
    const source = i % 2 === 0 ? lab1.id : lab2.id;
    const [lab] = await db.insert(t.labs).values({ name: n }).returning();
    await copyCatalog(db, source, lab.id);
    labIds.push(lab.id);
  }
  for (const labId of labIds) await addPanels(db, labId);

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await sql.unsafe(`create temp table lab_gen (lab_id int primary key, pat_lo int, pat_n int, org_lo int, org_n int,
    ref_lo int, ref_n int, user_id int, user_name text, slots int[], crit_slots int[])`);

  const paramGen = await buildParamGen(sql);
  for (const labId of labIds) {
    const depts = await db.select().from(t.departments).where(eq(t.departments.labId, labId));
    const deptId = (n: string) => depts.find((d) => d.name === n)!.id;
    const [{ lo: patLo }] = await sql`select coalesce(max(id), 0) + 1 as lo from patients`;
    await sql.unsafe(
      `insert into patients (id, lab_id, full_name, sex, date_of_birth, phone, email)
       select $1::int + g - 1, $2::int, fn || ' ' || ln, sex, date '2026-11-20' - (18 * 365 + floor(random() * 70 * 365))::int,
         '+1-555-' || lpad((g % 10000)::text, 4, '0'),
         case when random() < 0.6 then lower(fn) || '.' || lower(ln) || g || '@mail.example' end
       from (select g, case when r < 0.47 then 'M' when r < 0.94 then 'F' else 'U' end as sex,
               (case when r < 0.47 then ${sqlArray(FIRST_M)} else ${sqlArray(FIRST_F)} end)[1 + floor(random() * ${FIRST_M.length})::int] as fn,
               (${sqlArray(LAST)})[1 + floor(random() * ${LAST.length})::int] as ln
             from (select g, random() as r from generate_series(1, $3::int) g) x) y`,
      [patLo, labId, p.patientsPerLab],
    );
    const [{ lo: orgLo }] = await sql`select coalesce(max(id), 0) + 1 as lo from organizations`;
    await sql.unsafe(
      `insert into organizations (id, lab_id, name, phone, email, fax)
       select $1::int + g - 1, $2::int, 'Clinic ' || g || ' of lab ' || $2::int, '+1-555-01' || lpad(g::text, 2, '0'),
         'results' || g || '@clinic' || $2::int || '.example', '+1-555-02' || lpad(g::text, 2, '0')
       from generate_series(1, $3::int) g`,
      [orgLo, labId, p.orgsPerLab],
    );
    const [{ lo: refLo }] = await sql`select coalesce(max(id), 0) + 1 as lo from doctors`;
    await sql.unsafe(
      `insert into doctors (id, lab_id, name, doc_type, phone, email, fax)
       select $1::int + g - 1, $2::int, 'Dr. ' || (${sqlArray(FIRST_M.concat(FIRST_F))})[1 + g % ${FIRST_M.length * 2}] || ' ' || (${sqlArray(LAST)})[1 + g % ${LAST.length}] || ' ' || g,
         2, '+1-555-03' || lpad(g::text, 2, '0'), 'dr' || g || '@lab' || $2::int || '-referrals.example', case when g % 3 > 0 then '+1-555-04' || lpad(g::text, 2, '0') end
       from generate_series(1, $3::int) g`,
      [refLo, labId, p.referralsPerLab],
    );
    await db
      .insert(t.users)
      .values({ labId, username: `bench.support${labId}`, passwordHash, displayName: `Bench Supervisor ${labId}`, kind: "support" });
    const [tech] = await db
      .insert(t.users)
      .values({
        labId,
        username: `bench.tech${labId}`,
        passwordHash,
        displayName: `Bench Technologist ${labId}, MLT`,
        kind: "lab_user",
        departmentDataType: 0,
        departmentIds: [deptId("Hematology"), deptId("Clinical Chemistry")],
      })
      .returning();

    // Test picks: 1000 slots per lab, each test by its weight; critical reports pick among the tests
    // that can be critical.
    const tests = await db.select().from(t.tests).where(eq(t.tests.labId, labId));
    const nParams = (id: number) => paramGen.filter((g) => g.testId === id).length;
    const canCritical = (id: number) => paramGen.some((g) => g.testId === id && g.capable);
    const small = tests.filter((x) => TEST_WEIGHTS[x.testName] !== undefined);
    const big = tests.filter((x) => PANELS.some((pp) => pp.name === x.testName));
    const smallW = small.reduce((s, x) => s + TEST_WEIGHTS[x.testName], 0);
    const smallAvg = small.reduce((s, x) => s + TEST_WEIGHTS[x.testName] * nParams(x.id), 0) / smallW;
    const bigAvg = big.reduce((s, x) => s + nParams(x.id), 0) / big.length;
    const share = Math.min(0.9, Math.max(0, (p.valuesPerReport - smallAvg) / (bigAvg - smallAvg)));
    const weights = new Map<number, number>();
    for (const x of small) weights.set(x.id, ((1 - share) * TEST_WEIGHTS[x.testName]) / smallW);
    for (const x of big) weights.set(x.id, share / big.length);
    const slots = (ids: number[]) => {
      const total = ids.reduce((s, id) => s + weights.get(id)!, 0);
      const out: number[] = [];
      let acc = 0;
      for (const id of ids) {
        acc += weights.get(id)! / total;
        while (out.length < Math.round(acc * 1000)) out.push(id);
      }
      while (out.length < 1000) out.push(ids[ids.length - 1]);
      return out;
    };
    const all = [...weights.keys()];
    await sql`insert into lab_gen values (${labId}, ${patLo}, ${p.patientsPerLab}, ${orgLo}, ${p.orgsPerLab}, ${refLo},
      ${p.referralsPerLab}, ${tech.id}, ${tech.displayName}, ${slots(all)}, ${slots(all.filter(canCritical))})`;
  }
  return labIds;
}

async function copyCatalog(db: Db, fromLab: number, toLab: number) {
  const depts = await db.select().from(t.departments).where(eq(t.departments.labId, fromLab));
  const deptMap = new Map<number, number>();
  for (const d of depts) {
    const [nd] = await db.insert(t.departments).values({ labId: toLab, name: d.name }).returning();
    deptMap.set(d.id, nd.id);
  }
  const tests = await db.select().from(t.tests).where(eq(t.tests.labId, fromLab)).orderBy(asc(t.tests.id));
  for (const x of tests) {
    const [nt] = await db
      .insert(t.tests)
      .values({ labId: toLab, testName: x.testName, departmentId: deptMap.get(x.departmentId)!, isProfile: x.isProfile })
      .returning();
    const params = await db.select().from(t.testParameters).where(eq(t.testParameters.testId, x.id)).orderBy(asc(t.testParameters.sortOrder));
    for (const prm of params) await copyParameter(db, prm, nt.id, prm.sortOrder);
  }
}

async function copyParameter(db: Db, prm: t.TestParameter, testId: number, sortOrder: number) {
  const [np] = await db
    .insert(t.testParameters)
    .values({ testId, name: prm.name, unit: prm.unit, resultType: prm.resultType, sortOrder })
    .returning();
  const ranges = await db.select().from(t.parameterRanges).where(eq(t.parameterRanges.parameterId, prm.id)).orderBy(asc(t.parameterRanges.id));
  if (ranges.length) await db.insert(t.parameterRanges).values(ranges.map(({ id: _id, ...r }) => ({ ...r, parameterId: np.id })));
}

async function addPanels(db: Db, labId: number) {
  const depts = await db.select().from(t.departments).where(eq(t.departments.labId, labId));
  const tests = await db.select().from(t.tests).where(eq(t.tests.labId, labId));
  for (const panel of PANELS) {
    const [nt] = await db
      .insert(t.tests)
      .values({ labId, testName: panel.name, departmentId: depts.find((d) => d.name === panel.dept)!.id, isProfile: true })
      .returning();
    let order = 0;
    for (const [testName, names] of panel.from) {
      const src = tests.find((x) => x.testName === testName)!;
      const params = await db.select().from(t.testParameters).where(eq(t.testParameters.testId, src.id));
      for (const n of names) await copyParameter(db, params.find((x) => x.name === n)!, nt.id, ++order);
    }
    for (const [n, unit, low, high] of panel.extra) {
      const [np] = await db.insert(t.testParameters).values({ testId: nt.id, name: n, unit, resultType: "numeric", sortOrder: ++order }).returning();
      await db.insert(t.parameterRanges).values({ parameterId: np.id, refLow: String(low), refHigh: String(high) });
    }
  }
}

/**
 * bench_param_gen: how to write a value of each parameter for an adult patient of any sex. Normal:
 * inside every age-free normal range. Critical: beyond every age-free critical bound of one side
 * (HH preferred when every range has a critical high), or a critical text.
 */
async function buildParamGen(sql: postgres.Sql) {
  await sql.unsafe(`create temp table bench_param_gen as
    with agg as (
      select tp.id as parameter_id, tp.test_id, tp.sort_order, tp.name, tp.unit, tp.result_type = 'text' as is_text,
        max(pr.ref_low) as lo, min(pr.ref_high) as hi,
        bool_and(pr.critical_high is not null) and count(pr.id) > 0 as all_ch, max(pr.critical_high) as ch,
        bool_and(pr.critical_low is not null) and count(pr.id) > 0 as all_cl, min(pr.critical_low) as cl,
        (array_agg(pr.critical_texts[1]) filter (where cardinality(pr.critical_texts) > 0))[1] as crit_text
      from test_parameters tp
      left join parameter_ranges pr on pr.parameter_id = tp.id and pr.age_min_days is null and pr.age_max_days is null
      group by tp.id
    )
    select a.*,
      case when is_text then case when crit_text is not null then 'AA' end
           when all_ch then 'HH' when all_cl then 'LL' end as crit_kind,
      case when coalesce(hi - lo, hi, lo, 1) >= 50 then 0 when coalesce(hi - lo, hi, lo, 1) >= 5 then 1 else 2 end as dp
    from agg a`);
  await sql.unsafe(`alter table bench_param_gen add column capable boolean, add column cap_rank int, add column n_cap int`);
  await sql.unsafe(`update bench_param_gen set capable = crit_kind is not null`);
  await sql.unsafe(`update bench_param_gen g set cap_rank = x.rk, n_cap = x.n from (
      select parameter_id, row_number() over (partition by test_id order by sort_order, parameter_id) as rk,
        count(*) over (partition by test_id) as n
      from bench_param_gen where capable) x where x.parameter_id = g.parameter_id`);
  await sql.unsafe(`update bench_param_gen g set n_cap = x.n from (
      select test_id, max(n_cap) as n from bench_param_gen group by test_id) x where x.test_id = g.test_id`);
  await sql.unsafe(`create index on bench_param_gen (test_id)`);
  const rows = await sql<{ test_id: number; capable: boolean }[]>`select test_id, capable from bench_param_gen`;
  return rows.map((r) => ({ testId: r.test_id, capable: r.capable }));
}

async function buildBillsAndReports(sql: postgres.Sql, p: ReturnType<typeof plan>) {
  const [{ bill_base, rep_base }] = await sql`select (select coalesce(max(id), 0) from bills) as bill_base,
    (select coalesce(max(id), 0) from lab_reports) as rep_base`;
  const [{ lab1 }] = await sql`select min(lab_id) as lab1 from lab_gen`;
  const base = BENCH_NOW.toISOString();
  await sql.unsafe(
    `create temp table bill_gen as
     select g, $1::int + g as id, kind, lab_id,
       case kind when 'large' then 100 when 'typical' then 12 else 1 + (g * 7919) % 9 end as n_rep,
       case when kind = 'normal'
         then $2::timestamptz - interval '2 hours' - interval '365 days' * (1 - g::float8 / $3) - random() * interval '90 minutes'
         else $2::timestamptz - interval '2 hours' - random() * interval '34 hours' end as created_at
     from (select g,
             case when g > $3 - $4 then 'large' when g > $3 - $4 - $5 then 'typical' else 'normal' end as kind,
             case when g > $3 - $4 - $5 then $6::int else (select array_agg(lab_id order by lab_id) from lab_gen)[1 + g % 5] end as lab_id
           from generate_series(1, $3::int) g) x`,
    [bill_base, base, p.bills, p.large, p.typical, lab1],
  );
  await sql.unsafe(`alter table bill_gen add column patient_id int, add column org_id int, add column doc_id int, add column rep_start bigint`);
  await sql.unsafe(`update bill_gen b set
      patient_id = l.pat_lo + floor(random() * l.pat_n)::int,
      org_id = case when b.kind <> 'normal' or random() < 0.75 then l.org_lo + floor(random() * l.org_n)::int end,
      doc_id = case when b.kind <> 'normal' or random() < 0.85 then l.ref_lo + floor(random() * l.ref_n)::int end,
      rep_start = s.rep_start
    from lab_gen l, (select g, sum(n_rep) over (order by g) - n_rep as rep_start from bill_gen) s
    where l.lab_id = b.lab_id and s.g = b.g`);
  await sql.unsafe(`create unique index on bill_gen (id)`);
  await sql.unsafe(
    `insert into bills (id, lab_id, patient_id, doc_id, org_id, accession_no, created_at)
     select id, lab_id, patient_id, doc_id, org_id, 'BN' || lab_id || '-' || lpad(g::text, 7, '0'), created_at from bill_gen order by id`,
  );

  // Reports: the critical flag and status per bill kind (see the header), the test from the lab's slots.
  await sql.unsafe(
    `insert into lab_reports (id, lab_id, bill_id, test_id, org_id, doc_for_id, patient_id, is_signed, comments, is_profile,
       is_approved, critical_values, auto_approval_status, dismissed, sample_collected, sample_collected_at, approved_at)
     select y.id, y.lab_id, y.bill_id, y.test_id, y.org_id, y.doc_id, y.patient_id,
       y.approved and y.status in (0, 2), case when y.crit and y.r_misc < 0.1 then 'Repeat analysis on the same sample confirmed the result.' end,
       t.is_profile, y.approved, y.status, case when y.approved and not y.crit and y.r_misc < 0.4 then 1 else 0 end,
       not y.crit and y.r_misc > 0.995, y.collected, y.collected_at,
       case when y.approved then y.collected_at + interval '20 minutes' + y.r_misc * interval '4 hours' end
     from (
       select x.*, x.collected and (x.crit or x.created_at < $2::timestamptz - interval '1 day' or x.r_misc < 0.7) as approved,
         case when x.collected then x.created_at + interval '5 minutes' + x.r_misc * interval '55 minutes' end as collected_at,
         case when not x.crit then 0
              when x.kind = 'typical' then case when x.j <= 4 then 2 when x.j <= 8 then 1 else 4 end
              when x.kind = 'large' then case when x.j % 10 < 5 then 2 when x.j % 10 < 8 then 1 else 4 end
              when x.created_at >= $2::timestamptz - interval '3 days' then case when x.r_status < 0.4 then 1 when x.r_status < 0.55 then 4 else 2 end
              else case when x.r_status < 0.005 then 1 when x.r_status < 0.007 then 4 else 2 end end as status,
         case when x.crit then l.crit_slots[1 + floor(x.r_test * 1000)::int] else l.slots[1 + floor(x.r_test * 1000)::int] end as test_id
       from (
         select $1::int + b.rep_start + j as id, b.lab_id, b.id as bill_id, b.org_id, b.doc_id, b.patient_id, b.kind, b.created_at, j,
           r.r_misc, r.r_status, r.r_test,
           case b.kind when 'typical' then j <= 10 when 'large' then true else r.r_crit < 0.12 end as crit,
           b.kind <> 'normal' or r.r_crit < 0.12 or r.r_misc < 0.98 as collected
         from bill_gen b cross join lateral generate_series(1, b.n_rep) j
         -- The typical and large bills get the same tests at every scale (a golden-ratio sequence over
         -- the slots), so that the scale comparison reads the same bills.
         cross join lateral (select random() + 0 * j as r_crit, random() + 0 * j as r_status,
           case when b.kind = 'normal' then random() + 0 * j else (j * 0.6180339887) % 1 end as r_test, random() + 0 * j as r_misc) r
       ) x join lab_gen l on l.lab_id = x.lab_id
     ) y join tests t on t.id = y.test_id
     order by y.id`,
    [rep_base, base],
  );
  const typical = await sql<{ id: number }[]>`select id from bill_gen where kind = 'typical' order by id`;
  const large = await sql<{ id: number }[]>`select id from bill_gen where kind = 'large' order by id`;
  await sql.unsafe(`create temp table bulk_range as select ${Number(rep_base)}::int as rep_base, ${Number(bill_base)}::int as bill_base`);
  return { typicalBills: typical.map((r) => r.id), largeBills: large.map((r) => r.id) };
}

async function buildValues(sql: postgres.Sql) {
  // One value per parameter of the report's test; the critical ones: the test's "pivot" capable
  // parameter (by report id) and, with 15% chance, any other capable one.
  await sql.unsafe(`insert into report_values (lab_report_id, parameter_id, value_numeric, value_text)
    select id, parameter_id,
      case when not is_text then round(case
        when not crit_param then coalesce(lo, 0) + coalesce(hi - lo, coalesce(hi, lo * 2) - coalesce(lo, 0)) * (0.2 + 0.6 * r)
        when crit_kind = 'HH' and (not all_cl or id % 2 = 0) then ch + greatest(ch - coalesce(hi, ch * 0.8), abs(ch) * 0.05) * (0.3 + 0.7 * r)
        else greatest(cl - greatest(coalesce(lo, cl * 1.5) - cl, abs(cl) * 0.05) * (0.3 + 0.5 * r), cl * 0.25) end, dp) end,
      case when is_text then case when crit_param then initcap(crit_text) else 'Not detected' end end
    from (
      select r.id, g.*, (random() + 0 * r.id)::numeric as r,
        r.critical_values in (1, 2, 4) and g.capable and (g.cap_rank = 1 + r.id % g.n_cap or random() < 0.15) as crit_param
      from lab_reports r join bench_param_gen g on g.test_id = r.test_id
      where r.id > (select rep_base from bulk_range)
    ) x order by id, sort_order`);
}

async function buildHistory(sql: postgres.Sql, p: ReturnType<typeof plan>) {
  // The critical parameters of each bulk critical report, as the write's snapshot records them.
  await sql.unsafe(`create temp table crit_params as
    select v.lab_report_id, jsonb_agg(jsonb_build_object('parameter_id', g.parameter_id, 'parameter_name', g.name,
        'value', coalesce(to_jsonb(v.value_numeric), to_jsonb(v.value_text)), 'unit', g.unit,
        'reference_range', case when g.lo is not null and g.hi is not null then g.lo || ' - ' || g.hi when g.hi is not null then '< ' || g.hi else '' end,
        'critical_range', case when g.cl is not null and g.ch is not null then g.cl || ' - ' || g.ch when g.ch is not null then '< ' || g.ch when g.cl is not null then '> ' || g.cl else '' end,
        'flag', case when v.value_numeric > g.ch then 'HH' when v.value_numeric < g.cl then 'LL' else 'AA' end) order by g.sort_order) as params
    from report_values v
    join lab_reports r on r.id = v.lab_report_id
    join bench_param_gen g on g.parameter_id = v.parameter_id
    where r.id > (select rep_base from bulk_range) and r.critical_values in (1, 2, 4) and g.capable
      and ((g.crit_kind = 'AA' and lower(v.value_text) = g.crit_text) or v.value_numeric > g.ch or v.value_numeric < g.cl)
    group by v.lab_report_id`);
  await sql.unsafe(`create temp table crit_snap as
    select r.id as lab_report_id, r.bill_id, r.lab_id, r.test_id, r.critical_values, r.sample_collected_at, t.test_name,
      jsonb_build_object('lab_report_id', r.id, 'test_id', r.test_id, 'test_name', t.test_name, 'department_name', d.name,
        'critical_parameters', coalesce(cp.params, '[]')) as snap
    from lab_reports r join tests t on t.id = r.test_id join departments d on d.id = t.department_id
    left join crit_params cp on cp.lab_report_id = r.id
    where r.id > (select rep_base from bulk_range) and r.critical_values in (1, 2, 4)`);
  await sql.unsafe(`create index on crit_snap (bill_id)`);
  const [{ done }] = await sql`select count(*)::int as done from crit_snap where critical_values = 2`;
  // Done actions per bill: 1 + two coin flips sized so that callouts (reports × actions) ≈ the target;
  // the typical and large bills (the newest ids) were called out twice, at every scale.
  const [{ special_from: specialFrom }] = await sql`select (select bill_base from bulk_range) + ${p.bills - p.large - p.typical}::int as special_from`;
  const perReport = done > 0 ? p.callouts / done : 1;
  const a = Math.min(1, Math.max(0, perReport - 1));
  const b = Math.min(1, Math.max(0, perReport - 2));
  await sql.unsafe(
    `create temp table bill_actions as
     select x.bill_id, x.lab_id, a as action_no, x.ids, x.test_names, x.first_at + a * interval '17 minutes' as at
     from (select bill_id, min(lab_id) as lab_id, array_agg(lab_report_id order by lab_report_id) as ids,
             array_agg(test_name order by lab_report_id) as test_names, max(sample_collected_at) + interval '30 minutes' as first_at,
             1 + (random() < $1)::int + (random() < $2)::int as k
           from crit_snap where critical_values = 2 group by bill_id) x
     cross join lateral generate_series(1, case when x.bill_id > $3 then 2 else x.k end) a`,
    [a, b, specialFrom],
  );
  const recipients = `(array['["Referral"]', '["Organization"]', '["Referral", "Patient"]'])[1 + (ba.action_no - 1) % 3]::jsonb`;
  const methods = `case when ba.action_no = 1 then '{"communication_methods": [], "already_notified": {"phone_call": {"name": "Charge nurse", "contact": "+1-555-0100", "read_back": true}}}'
      else '{"communication_methods": ["email"]}' end::jsonb`;
  // One activity log row per action (its id kept for nothing: the logs carry the report ids).
  await sql.unsafe(`insert into activity_logs (lab_id, bill_id, lab_report_id, lab_report_ids, log_category_id, user_id, lab_user_name,
      activity_text, activity_date, dumped_json)
    select ba.lab_id, ba.bill_id, ba.ids[1], ba.ids, 648, l.user_id, l.user_name,
      'Callout done by - ' || l.user_name || ', Callout for - ' || array_to_string(ba.test_names, ', ') || ', Method - '
        || case when ba.action_no = 1 then '-' else 'Email' end || ', Recipients - '
        || array_to_string(array(select jsonb_array_elements_text(${recipients})), ', ') || ', Comment - -',
      ba.at,
      jsonb_build_object('bill_id', ba.bill_id, 'lab_report_ids', to_jsonb(ba.ids), 'callout_for', to_jsonb(ba.test_names),
        'method', case when ba.action_no = 1 then '' else 'Email' end, 'callout_done_by', l.user_name,
        'recipients', array_to_string(array(select jsonb_array_elements_text(${recipients})), ', '), 'recipient_list', ${recipients},
        'comment', '', 'is_draft', false, 'methods', ${methods}->'communication_methods') || (${methods} - 'communication_methods')
    from bill_actions ba join lab_gen l on l.lab_id = ba.lab_id
    order by ba.at`);
  await sql.unsafe(`insert into critical_callouts (lab_id, bill_id, lab_report_id, is_draft, recipients, critical_callout_comment,
      critical_values_meta, critical_callout_meta, performed_by_user_id, org_id, patient_id, referral_id, created_on, updated_on)
    select ba.lab_id, ba.bill_id, s.lab_report_id, false, ${recipients}, '', s.snap, ${methods}, l.user_id, b.org_id, b.patient_id,
      b.doc_id, ba.at, ba.at
    from bill_actions ba join crit_snap s on s.bill_id = ba.bill_id and s.critical_values = 2
    join lab_gen l on l.lab_id = ba.lab_id join bill_gen b on b.id = ba.bill_id
    order by ba.at, s.lab_report_id`);
  // Drafts: bills with attempted reports hold one, with the attempt's log entry.
  await sql.unsafe(`create temp table bill_drafts as
    select bill_id, min(lab_id) as lab_id, array_agg(lab_report_id order by lab_report_id) as ids, array_agg(test_id order by lab_report_id) as test_ids,
      array_agg(test_name order by lab_report_id) as test_names, jsonb_agg(snap order by lab_report_id) as snaps,
      max(sample_collected_at) + interval '25 minutes' as at
    from crit_snap where critical_values = 4 group by bill_id`);
  await sql.unsafe(`insert into critical_callouts (lab_id, bill_id, lab_report_id, is_draft, recipients, critical_callout_comment,
      critical_values_meta, critical_callout_meta, performed_by_user_id, org_id, patient_id, referral_id, created_on, updated_on)
    select d.lab_id, d.bill_id, null, true, '["Referral"]', 'No answer at the clinic; left a message.',
      jsonb_build_object('reports', d.snaps), jsonb_build_object('communication_methods', '["email"]'::jsonb, 'callout_for', to_jsonb(d.test_ids)),
      l.user_id, b.org_id, b.patient_id, b.doc_id, d.at, d.at
    from bill_drafts d join lab_gen l on l.lab_id = d.lab_id join bill_gen b on b.id = d.bill_id`);
  await sql.unsafe(`insert into activity_logs (lab_id, bill_id, lab_report_id, lab_report_ids, log_category_id, user_id, lab_user_name,
      activity_text, activity_date, dumped_json)
    select d.lab_id, d.bill_id, d.ids[1], d.ids, 648, l.user_id, l.user_name,
      'Callout Attempted by - ' || l.user_name || ', Callout for - ' || array_to_string(d.test_names, ', ')
        || ', Method - Email, Recipients - Referral, Comment - No answer at the clinic; left a message.',
      d.at,
      jsonb_build_object('bill_id', d.bill_id, 'lab_report_ids', to_jsonb(d.ids), 'callout_for', to_jsonb(d.test_names), 'method', 'Email',
        'methods', '["email"]'::jsonb, 'callout_done_by', l.user_name, 'recipients', 'Referral', 'recipient_list', '["Referral"]'::jsonb,
        'comment', 'No answer at the clinic; left a message.', 'is_draft', true)
    from bill_drafts d join lab_gen l on l.lab_id = d.lab_id order by d.at`);

  // The e-mails of the done actions that used e-mail (the outbox, delivered long ago).
  await sql.unsafe(`insert into outbound_messages (lab_id, bill_id, activity_log_id, lab_report_ids, channel, recipient_kind, recipient_name,
      address, subject, body_text, status, attempts, next_attempt_at, transport, provider_response, sent_at, created_at)
    select a.lab_id, a.bill_id, a.id, a.lab_report_ids, 'email', k.kind,
      case k.kind when 'Organization' then o.name when 'Referral' then d.name else p.full_name end,
      case k.kind when 'Organization' then o.email when 'Referral' then d.email else coalesce(p.email, 'patient@mail.example') end,
      'Critical result: ' || b.accession_no, 'Critical results of ' || b.accession_no || ': ' || (a.dumped_json->'callout_for')::text,
      'sent', 1, a.activity_date, 'smtp', '250 2.0.0 OK', a.activity_date + interval '4 seconds', a.activity_date
    from activity_logs a
    join bills b on b.id = a.bill_id
    cross join lateral jsonb_array_elements_text(a.dumped_json->'recipient_list') k(kind)
    left join organizations o on o.id = b.org_id
    left join doctors d on d.id = b.doc_id
    left join patients p on p.id = b.patient_id
    where a.log_category_id = 648 and a.bill_id > (select bill_base from bulk_range)
      and a.dumped_json->>'method' = 'Email' and a.dumped_json->>'is_draft' = 'false'
      and case k.kind when 'Organization' then o.id when 'Referral' then d.id else p.id end is not null
    order by a.id`);

  // The rest of the log: other categories (sample collected, approved, printed, emailed, …) on random reports.
  const [{ n648 }] = await sql`select count(*)::int as n648 from activity_logs where log_category_id = 648 and bill_id > (select bill_base from bulk_range)`;
  const other = Math.max(0, p.activityLogs - n648);
  await sql.unsafe(
    `insert into activity_logs (lab_id, bill_id, lab_report_id, lab_report_ids, log_category_id, user_id, lab_user_name,
       activity_text, activity_date, dumped_json)
     select r.lab_id, r.bill_id, r.id, array[r.id], c.cat, l.user_id, l.user_name, c.txt || ' by ' || l.user_name,
       coalesce(r.approved_at, r.sample_collected_at, timestamptz '2026-06-01') + x.k * interval '3 minutes', jsonb_build_object('lab_report_id', r.id, 'event', c.txt)
     from (select g, k, (select rep_base from bulk_range) + 1 + floor(random() * (select count(*) from lab_reports
             where id > (select rep_base from bulk_range)))::int as rid, 1 + floor(random() * 6)::int as ci
           from generate_series(1, $1::int) g cross join lateral (select g % 4 as k) kk) x
     join lab_reports r on r.id = x.rid
     join lab_gen l on l.lab_id = r.lab_id
     join (values (1, 101, 'Sample collected'), (2, 102, 'Sample received'), (3, 110, 'Result entered'), (4, 120, 'Report approved'),
                  (5, 130, 'Report printed'), (6, 140, 'Report emailed')) c(i, cat, txt) on c.i = x.ci
     order by 9`,
    [other],
  );
}

/**
 * Puts the dataset back as it was built, so that every run measures the same data and the datasets
 * do not grow run after run: the rows the bench's writes added (callouts, log entries, outbox
 * messages, idempotency keys, its sessions) go, and the statuses of the typical and large bills'
 * critical reports return to the generated mix. The audit tables are append-only by trigger; this
 * throwaway database bypasses the triggers for the cleanup (session_replication_role = replica).
 * Drafts of the bills the writes used are not restored (the writes replace them anyway).
 */
export async function restoreDataset(url: string, meta: BenchMeta): Promise<{ rows: number; statuses: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let rows = 0;
    await sql.begin(async (tx) => {
      await tx.unsafe("set local session_replication_role = replica");
      // The compliance summary's triggers are off here too: the reports these rows named are recomputed below.
      const touched = await tx.unsafe(
        `select coalesce(array_agg(distinct id), '{}') as ids from (
           select lab_report_id as id from critical_callouts where id > $1 and lab_report_id is not null
           union all select unnest(lab_report_ids) from activity_logs where id > $2) x`,
        [meta.maxIds.critical_callouts, meta.maxIds.activity_logs],
      );
      for (const table of ["outbound_messages", "critical_callouts", "activity_logs"] as const) {
        rows += (await tx.unsafe(`delete from ${table} where id > $1`, [meta.maxIds[table]])).count;
      }
      await tx.unsafe("select cc_compliance_refresh($1::int[])", [touched[0].ids]);
      // Escalations (none when built) and the level they leave on their reports.
      rows += (await tx`delete from critical_escalations`).count;
      rows += (await tx`update lab_reports set escalation_level = 0 where escalation_level <> 0`).count;
      rows += (await tx`delete from idempotency_keys`).count;
      rows += (await tx`delete from sessions`).count;
    });
    const statuses = await sql`
      update lab_reports r set critical_values = x.status
      from (
        select id, case when bill_id = any(${meta.largeBills})
            then case when rn % 10 < 5 then 2 when rn % 10 < 8 then 1 else 4 end
            else case when rn <= 4 then 2 when rn <= 8 then 1 else 4 end end as status
        from (select id, bill_id, row_number() over (partition by bill_id order by id) as rn
              from lab_reports where bill_id = any(${[...meta.typicalBills, ...meta.largeBills]}) and critical_values in (1, 2, 4)) c
      ) x
      where r.id = x.id and r.critical_values <> x.status`;
    if (rows + statuses.count > 0) await sql.unsafe("vacuum (analyze)");
    return { rows, statuses: statuses.count };
  } finally {
    await sql.end();
  }
}

/** Every critical report of the special bills and samples of the others must be critical by the app's
 * own evaluator, and samples of status-0 reports must not be. */
async function verify(db: Db, sql: postgres.Sql, typical: number[], large: number[]) {
  const special = await sql<{ id: number }[]>`select id from lab_reports where bill_id = any(${[...typical.slice(0, 20), ...large.slice(0, 3)]}) and critical_values in (1, 2, 4)`;
  const critical = await sql<{ id: number }[]>`select id from lab_reports where id > (select rep_base from bulk_range) and critical_values in (1, 2, 4) order by random() limit 2000`;
  const normal = await sql<{ id: number }[]>`select id from lab_reports where id > (select rep_base from bulk_range) and critical_values = 0 order by random() limit 2000`;
  const load = async (ids: number[]) => {
    const rows = await db
      .select({ id: t.labReports.id, sex: t.patients.sex, dob: t.patients.dateOfBirth, at: t.labReports.sampleCollectedAt })
      .from(t.labReports)
      .innerJoin(t.patients, eq(t.patients.id, t.labReports.patientId))
      .where(inArray(t.labReports.id, ids));
    return loadCriticalParameters(
      db,
      rows.map((r) => ({ id: r.id, patient: { sex: r.sex, dateOfBirth: r.dob, sampleCollectedAt: r.at } })),
    );
  };
  const crit = await load([...special, ...critical].map((r) => r.id));
  const missing = [...special, ...critical].filter((r) => !crit.get(r.id)?.length);
  if (missing.length) throw new Error(`dataset: ${missing.length} critical reports without a critical parameter, e.g. ${missing.slice(0, 5).map((r) => r.id)}`);
  const norm = await load(normal.map((r) => r.id));
  const wrong = normal.filter((r) => norm.get(r.id)?.length);
  if (wrong.length) throw new Error(`dataset: ${wrong.length} normal reports with a critical parameter, e.g. ${wrong.slice(0, 5).map((r) => r.id)}`);
}

// CLI: tsx bench/dataset.ts [scale]
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL must name a PostgreSQL server the bench may create databases on");
    process.exit(2);
  }
  const scale = Number(process.argv[2] ?? process.env.BENCH_SCALE ?? 1);
  ensureDataset(url, scale).then(
    (d) => {
      console.log(JSON.stringify({ name: d.name, reused: d.reused, typical: d.meta.typicalBills.slice(0, 3), large: d.meta.largeBills.slice(0, 3) }));
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
