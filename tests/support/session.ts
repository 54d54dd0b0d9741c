import { POST as loginRoute } from "../../app/auth/login/route";
import { call } from "./http";
import { PASSWORD } from "./fixtures";

/** Logs in through the real login route and returns the Cookie header value to send. */
export async function loginAs(username: string, password = PASSWORD): Promise<string> {
  const res = await call(loginRoute, "/auth/login", { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0];
}
