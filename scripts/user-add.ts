// npm run user:add -- --lab L --username U --password P --name "Display Name"
//   --kind lab_user|doctor|support [--doctor D] [--department-data-type 0|1] [--departments 1,2]
import { parseArgs } from "node:util";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { migrate } from "../db/connect";
import { openDatabaseForScript } from "./open-database";
import { departments, doctors, labs, labUserDepartments, users } from "../db/schema";
import { hashPassword } from "../domain/auth/password";

const { values } = parseArgs({
  options: {
    lab: { type: "string" },
    username: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
    kind: { type: "string" },
    doctor: { type: "string" },
    "department-data-type": { type: "string" },
    departments: { type: "string" },
  },
});

const positive = z.coerce.number().int().positive();
const args = z
  .object({
    lab: positive,
    username: z.string().min(1),
    password: z.string().min(8, "at least 8 characters"),
    name: z.string().min(1),
    kind: z.enum(["lab_user", "doctor", "support"]),
    doctor: positive.optional(),
    "department-data-type": z.coerce.number().int().min(0).max(1).optional(),
    departments: z
      .string()
      .optional()
      .transform((s) => (s ? s.split(",").map((x) => positive.parse(x.trim())) : [])),
  })
  .refine((a) => a.kind !== "doctor" || a.doctor, { message: "--doctor is required for --kind doctor" })
  .safeParse(values);
if (!args.success) {
  console.error(args.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}
const a = args.data;
const handle = await openDatabaseForScript("user:add");
try {
  if (handle.kind === "pglite") await migrate(handle);
  const db = handle.db;
  const [lab] = await db.select().from(labs).where(eq(labs.id, a.lab));
  if (!lab) throw new Error(`lab ${a.lab} does not exist`);
  if (a.doctor) {
    const [doc] = await db.select().from(doctors).where(and(eq(doctors.id, a.doctor), eq(doctors.labId, a.lab)));
    if (!doc) throw new Error(`doctor ${a.doctor} is not in lab ${a.lab}`);
  }
  if (a.departments.length) {
    const found = await db.select({ id: departments.id }).from(departments).where(and(inArray(departments.id, a.departments), eq(departments.labId, a.lab)));
    if (found.length !== new Set(a.departments).size) throw new Error(`--departments must be departments of lab ${a.lab}`);
  }
  const passwordHash = await hashPassword(a.password);
  const user = await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        labId: a.lab,
        username: a.username,
        passwordHash,
        displayName: a.name,
        kind: a.kind,
        doctorId: a.doctor ?? null,
        departmentDataType: a.kind === "lab_user" ? (a["department-data-type"] ?? 0) : null,
        departmentIds: a.departments,
      })
      .returning();
    // department_data_type 1 scopes by lab_user_departments: fill it from the same list.
    if (a.kind === "lab_user" && a["department-data-type"] === 1 && a.departments.length) {
      await tx.insert(labUserDepartments).values(a.departments.map((d) => ({ userId: u.id, departmentId: d })));
    }
    return u;
  });
  console.log(`created user ${user.username} (id ${user.id}, ${user.kind}) in lab ${lab.name}`);
} catch (err) {
  console.error(`user:add failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
