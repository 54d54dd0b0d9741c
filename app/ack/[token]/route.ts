// GET /ack/{token} shows a done callout's acknowledgement page; POST (a plain HTML form, no JavaScript
// needed) records the acknowledger's name, time, address and browser (DESIGN §10). No login. Unknown
// tokens count as failures of the sign-in throttle's address, so links cannot be guessed at speed.
import { acknowledgeByLink, readAckLink } from "@/db/queries/ack-link-use";
import { ackFormSchema, ackTokenParamsSchema } from "@/contracts/acknowledge";
import { type AckPage, renderAckPage } from "@/domain/notify/ack-page";
import { ApiError } from "@/domain/errors";
import { readForm } from "@/server/api/body";
import { withPublic } from "@/server/api/handler";
import { assertNotThrottled, clientAddress, recordLoginFailure } from "@/server/auth/throttle";

/** The throttle's "username" for link lookups from one address: 5 unknown links per 15 minutes. */
const throttleKey = (address: string) => `ack-link@${address}`;

function html(page: AckPage, token: string, method: "GET" | "POST", extra: { error?: string; typed?: string } = {}) {
  const { status, html } = renderAckPage(page, { action: `/ack/${encodeURIComponent(token)}`, method, ...extra });
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "x-robots-tag": "noindex, nofollow", ...(status === 429 ? { "retry-after": "900" } : {}) },
  });
}

/** 429 page while this address has tried too many unknown links; else null. */
async function throttled(address: string, token: string, method: "GET" | "POST") {
  try {
    await assertNotThrottled(throttleKey(address), address);
    return null;
  } catch (err) {
    if (err instanceof ApiError && err.code === "too_many_requests") return html({ state: "throttled" }, token, method);
    throw err;
  }
}

export const GET = withPublic(
  async ({ req, db, params }) => {
    const address = clientAddress(req);
    const refused = await throttled(address, params.token, "GET");
    if (refused) return refused;
    const state = await readAckLink(db, params.token);
    if (state.state === "unknown") await recordLoginFailure(throttleKey(address), address);
    return html(state, params.token, "GET");
  },
  { params: ackTokenParamsSchema },
);

export const POST = withPublic(
  async ({ req, db, params }) => {
    const address = clientAddress(req);
    const refused = await throttled(address, params.token, "POST");
    if (refused) return refused;
    let name: string;
    try {
      name = (await readForm(req, ackFormSchema)).name;
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== "bad_request") throw err;
      const state = await readAckLink(db, params.token);
      if (state.state === "unknown") await recordLoginFailure(throttleKey(address), address);
      return html(state, params.token, "POST", { error: "Please enter your name (at most 120 characters).", typed: "" });
    }
    const state = await acknowledgeByLink(db, params.token, { name, clientAddress: address, userAgent: req.headers.get("user-agent") });
    if (state.state === "unknown") await recordLoginFailure(throttleKey(address), address);
    return html(state, params.token, "POST");
  },
  { params: ackTokenParamsSchema },
);
