// Cookie sessions held for a few seconds per process, so a request does not pay a round trip for its
// session (bench/NOTES.md). Correct across instances: the database notifies `session_changed` when a
// session is revoked, expires or is deleted (payload: its id) and when a user, their departments or
// the catalogue behind a department scope change (payload `*`: everything goes). Every process
// listens; an entry is only used while the listen is up, and the whole cache is dropped whenever the
// listen is (re)made, since what was sent meanwhile is lost. A lookup that raced a notification is
// not stored. A logout evicts at once in its own process.
import "server-only";
import type { DbHandle } from "@/db/connect";
import { hashToken, loadSessionRow, SESSION_CHANGED_CHANNEL } from "@/db/queries/sessions";
import type { SessionContext } from "@/domain/auth/session-context";
import { log } from "@/server/log";

/** How long a looked-up session is reused without asking the database again (0 turns caching off). */
export const SESSION_CACHE_MS = Math.max(0, Number(process.env.SESSION_CACHE_MS ?? 5000));
const MAX_ENTRIES = 10_000;

interface Entry {
  session: SessionContext;
  until: number;
}

interface CacheState {
  handle?: DbHandle;
  entries: Map<string, Entry>;
  /** Bumped on every notification: a lookup that started before one is not stored. */
  generation: number;
  live: boolean;
  listening?: Promise<unknown>;
}

const globalForCache = globalThis as unknown as { __ccSessionCache?: CacheState };
globalForCache.__ccSessionCache ??= { entries: new Map(), generation: 0, live: false };
const state: CacheState = globalForCache.__ccSessionCache;

function onChanged(payload: string) {
  state.generation++;
  if (payload === "*") state.entries.clear();
  else state.entries.delete(payload);
}

/** Listens once per database handle; a new handle (tests install their own) starts from nothing. */
function ensureListening(handle: DbHandle) {
  if (state.handle === handle && state.listening) return;
  state.handle = handle;
  state.entries.clear();
  state.generation++;
  state.live = false;
  const listening = handle.listen(
    SESSION_CHANGED_CHANNEL,
    onChanged,
    () => {
      state.generation++;
      state.entries.clear();
      state.live = true;
    },
    // Deaf until the listen is made again: nothing cached may be used meanwhile.
    () => {
      state.generation++;
      state.live = false;
      state.entries.clear();
    },
  );
  listening.catch((err) => {
    log.warn({ err: String(err) }, "session cache off: cannot listen");
    if (state.listening === listening) {
      state.listening = undefined;
      state.live = false;
    }
  });
  state.listening = listening;
}

/** The session of a cookie token: from this process's cache when fresh, else from the database. */
export async function lookupSession(handle: DbHandle, token: string): Promise<SessionContext | null> {
  const id = hashToken(token);
  if (SESSION_CACHE_MS > 0) {
    ensureListening(handle);
    const hit = state.entries.get(id);
    if (hit && state.live) {
      if (hit.until > Date.now()) return hit.session;
      state.entries.delete(id);
    }
  }
  const generation = state.generation;
  const found = await loadSessionRow(handle.db, id);
  if (!found) return null;
  if (SESSION_CACHE_MS > 0 && state.live && generation === state.generation && state.handle === handle) {
    if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
    // Never past the session's own expiry.
    state.entries.set(id, { session: found.session, until: Math.min(Date.now() + SESSION_CACHE_MS, found.expiresAt.getTime()) });
  }
  return found.session;
}

/** Drops a session from this process's cache (logout; other processes hear the notification). */
export function forgetSession(sessionId: string) {
  state.generation++;
  state.entries.delete(sessionId);
}

/** Whether this process holds the token's session right now (tests check that caching is under way). */
export function isSessionCached(token: string): boolean {
  return state.live && state.entries.has(hashToken(token));
}
