// POST /report/{billId}/critical/callout → save an attempted (draft) or done callout (endpoint 4).
// Optional Idempotency-Key header: a repeat from the same user replays the first answer. Optional
// If-Match (endpoint 1's ETag): a bill changed since then is a 412 and nothing is written.
import { parseIfMatch } from "@/domain/callout/bill-version";
import { postCallout } from "@/db/queries/post-callout";
import { parseInput, readJson } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { idempotencyKeySchema, postCalloutBodySchema } from "@/contracts/critical";
import { billParamsSchema } from "@/contracts/ids";
import { ackBaseUrl } from "@/server/notify/ack-base-url";
import { kickOutbox } from "@/server/notify/outbox-worker";
import { transportFor } from "@/server/notify/transports";
import { otherMethods } from "@/server/api/methods";

export const POST = withSession(
  async ({ req, db, session, params }) => {
    const header = req.headers.get("idempotency-key");
    const key = header === null ? null : parseInput(idempotencyKeySchema, header);
    const expectedVersion = parseIfMatch(req.headers.get("if-match"), params.billId);
    const body = await readJson(req, postCalloutBodySchema);
    const result = await postCallout(db, session, params.billId, body, key, transportFor, expectedVersion, ackBaseUrl(req));
    if (!result.replayed && !body.is_draft) kickOutbox();
    return Response.json(result.body, {
      status: result.status,
      headers: result.replayed ? { "idempotent-replayed": "true" } : {},
    });
  },
  { params: billParamsSchema },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
