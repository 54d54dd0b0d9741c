// GET /ack/{token} shows a done callout's acknowledgement page; POST (a plain HTML form, no JavaScript
// needed) records the acknowledger's name, time, address and browser (DESIGN §10). No login. Unknown
// tokens count as failures of the sign-in throttle's address, so links cannot be guessed at speed.
import { acknowledgeByLink, readAckLink } from "@/db/queries/ack-link-use";
import { ackFormSchema, ackTokenParamsSchema } from "@/contracts/acknowledge";
import { type AckPage, renderAckPage } from "@/domain/notify/ack-page";
import { ApiError } from "@/domain/errors";
import { readForm } from "@/server/api/body";
import { withPublic } from "@/server/api/handler";
import { otherMethods } from "@/server/api/methods";
import type { Queryable } from "@/db/connect";
import { clientAddress, type LinkTry, takeLinkTry } from "@/server/auth/throttle";

function html(page: AckPage, token: string, method: "GET" | "POST", extra: { error?: string; typed?: string } = {}) {
  const { status, html } = renderAckPage(page, { action: `/ack/${encodeURIComponent(token)}`, method, ...extra });
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "x-robots-tag": "noindex, nofollow", ...(status === 429 ? { "retry-after": "900" } : {}) },
  });
}

/** Counts this try against the address; a 429 page while it has tried too many unknown links. */
async function takeTry(db: Queryable, address: string, token: string, method: "GET" | "POST"): Promise<LinkTry | Response> {
  try {
    return await takeLinkTry(db, address);
  } catch (err) {
    if (err instanceof ApiError && err.code === "too_many_requests") return html({ state: "throttled" }, token, method);
    throw err;
  }
}

/** Only an unknown token stays counted: a real link's try is given back. */
async function settle(attempt: LinkTry, page: AckPage) {
  if (page.state !== "unknown") await attempt.wasKnown();
}

export const GET = withPublic(
  async ({ req, db, params }) => {
    const attempt = await takeTry(db, clientAddress(req), params.token, "GET");
    if (attempt instanceof Response) return attempt;
    const state = await readAckLink(db, params.token);
    await settle(attempt, state);
    return html(state, params.token, "GET");
  },
  { params: ackTokenParamsSchema },
);

export const POST = withPublic(
  async ({ req, db, params }) => {
    const address = clientAddress(req);
    const attempt = await takeTry(db, address, params.token, "POST");
    if (attempt instanceof Response) return attempt;
    let name: string;
    try {
      name = (await readForm(req, ackFormSchema)).name;
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== "bad_request") throw err;
      const state = await readAckLink(db, params.token);
      await settle(attempt, state);
      return html(state, params.token, "POST", { error: "Please enter your name (at most 120 characters).", typed: "" });
    }
    const state = await acknowledgeByLink(db, params.token, { name, clientAddress: address, userAgent: req.headers.get("user-agent") });
    await settle(attempt, state);
    return html(state, params.token, "POST");
  },
  { params: ackTokenParamsSchema },
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
