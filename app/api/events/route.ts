// GET /api/events[?bill_id=N][&presence=1] → text/event-stream of the session's bill events (DESIGN §8).
import { requireVisibleBill } from "@/db/queries/visible-bill";
import { parseInput } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { eventsQuerySchema } from "@/contracts/events";
import { ApiError } from "@/domain/errors";
import { openEventStream } from "@/server/events/stream";
import { otherMethods } from "@/server/api/methods";

export const dynamic = "force-dynamic";

export const GET = withSession(async ({ req, db, session }) => {
  const query = parseInput(eventsQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  const announcePresence = query.presence === "1";
  if (announcePresence && query.bill_id === undefined) throw new ApiError("bad_request", "presence: needs a bill_id");
  // An unseen bill's stream is the same 404 as the bill itself.
  if (query.bill_id !== undefined) await requireVisibleBill(db, session, query.bill_id);
  return openEventStream({ db, session, billId: query.bill_id, announcePresence, signal: req.signal });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
