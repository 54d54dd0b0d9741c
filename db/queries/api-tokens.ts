// API tokens (DESIGN §12): a machine client's random bearer token, stored as its SHA-256, acting as
// one user with that user's scope. A token is high-entropy, so a fast hash is enough (unlike passwords).
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import type { Queryable } from "../connect";
import { apiTokens, doctors, labs, users } from "../schema";
import { sessionDepartmentScope } from "../scope";
import { hashToken, sessionUserColumns, toSessionContext } from "./sessions";

/** Tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = "cct_";

/** Refresh last_used_at at most this often: a busy client should not write on every request. */
const LAST_USED_GRANULARITY = sql`interval '1 minute'`;

/** Creates a token for the user and returns its id and the raw token (shown once, never stored). */
export async function createApiToken(db: Queryable, user: { id: number; labId: number }, name: string) {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ tokenHash: hashToken(token), userId: user.id, labId: user.labId, name })
    .returning({ id: apiTokens.id });
  return { id: row.id, token };
}

/** Revokes a token of the lab; false when the lab has no such live token. */
export async function revokeApiToken(db: Queryable, labId: number, id: number): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.labId, labId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/**
 * The session context of a live token: the same shape as a cookie session's, so every route and
 * scope function treats both alike. A department_data_type 0 user's list is read from the user row
 * (a token outlives any login copy).
 */
export async function loadTokenSession(db: Queryable, token: string): Promise<SessionContext | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      ...sessionUserColumns(),
      labId: apiTokens.labId,
      departmentIds: users.departmentIds,
      ...sessionDepartmentScope({ departmentIds: users.departmentIds, labId: apiTokens.labId }),
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.labId, apiTokens.labId)))
    .innerJoin(labs, eq(labs.id, apiTokens.labId))
    .leftJoin(doctors, and(eq(doctors.id, users.doctorId), eq(doctors.labId, users.labId)))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, row.tokenId), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - ${LAST_USED_GRANULARITY})`));
  const { tokenId, ...rest } = row;
  return toSessionContext({ ...rest, sessionId: `token:${tokenId}` });
}
