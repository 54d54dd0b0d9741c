// The departments a session may see, for the worklist's department filter (DESIGN §3 scope).
import { asc } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import type { Queryable } from "../connect";
import { departmentScope } from "../scope";
import { departments } from "../schema";

export async function listVisibleDepartments(db: Queryable, session: SessionContext): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(departmentScope(session))
    .orderBy(asc(departments.name), asc(departments.id));
}
