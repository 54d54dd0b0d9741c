// Server-side sessions: rows keyed by the SHA-256 of the cookie's random token.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { SessionContext, SessionKind } from "@/domain/auth/session-context";
import type { Queryable } from "../connect";
import { doctors, labs, sessions, users } from "../schema";
import { sessionDepartmentScope } from "../scope";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one lab shift and a half

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function findUserForLogin(db: Queryable, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

/** Creates a session for the user and returns the raw token (only ever held by the cookie). */
export async function createSession(db: Queryable, user: { id: number; labId: number; departmentIds: number[] }) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: user.id,
    labId: user.labId,
    departmentIds: user.departmentIds,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The user, lab and doctor columns of a session (or API token) lookup joined to users, labs, doctors. */
export function sessionUserColumns() {
  return {
    userId: users.id,
    labName: labs.name,
    username: users.username,
    displayName: users.displayName,
    kind: users.kind,
    doctorId: users.doctorId,
    docType: doctors.docType,
    departmentDataType: users.departmentDataType,
  };
}

/** The channel the database notifies when a session (payload: its id) or any scope input (`*`) changes. */
export const SESSION_CHANGED_CHANNEL = "session_changed";

/** The live session stored under `id` (the token's hash) and when it expires; null when none. */
export async function loadSessionRow(db: Queryable, id: string): Promise<{ session: SessionContext; expiresAt: Date } | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      ...sessionUserColumns(),
      labId: sessions.labId,
      departmentIds: sessions.departmentIds,
      ...sessionDepartmentScope(),
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.labId, sessions.labId)))
    .innerJoin(labs, eq(labs.id, sessions.labId))
    .leftJoin(doctors, and(eq(doctors.id, users.doctorId), eq(doctors.labId, users.labId)))
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql`now()`), isNull(sessions.revokedAt)))
    .limit(1)
    // Prepared (postgres.js keeps it per connection): planned once instead of on each lookup (bench/NOTES.md).
    .prepare("load_session")
    .execute({ id });
  if (!row) return null;
  const { expiresAt, ...rest } = row;
  return { session: toSessionContext(rest), expiresAt };
}

export async function loadSession(db: Queryable, token: string): Promise<SessionContext | null> {
  return (await loadSessionRow(db, hashToken(token)))?.session ?? null;
}

/** The row of a session (or API token) lookup as the context every scope decision reads. */
export function toSessionContext(
  row: Omit<SessionContext, "kind" | "departmentIds" | "departmentScope"> & {
    kind: string;
    departmentIds: number[] | null;
    scopeDepartmentIds: number[] | null;
    scopeTestIds: number[] | null;
  },
): SessionContext {
  const { scopeDepartmentIds, scopeTestIds, ...rest } = row;
  return {
    ...rest,
    kind: row.kind as SessionKind,
    departmentIds: row.departmentIds ?? [],
    departmentScope: scopeDepartmentIds && scopeTestIds ? { departmentIds: scopeDepartmentIds.map(Number), testIds: scopeTestIds.map(Number) } : null,
  };
}

export async function revokeSession(db: Queryable, sessionId: string) {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
}
