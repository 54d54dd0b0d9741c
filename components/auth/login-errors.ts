// Plain module (not "use client"): the login page, a server component, calls it.
/** What a failed sign-in without JavaScript (a form post answered by a redirect) says, by error code. */
const FORM_ERRORS: Record<string, string> = {
  unauthorized: "Wrong username or password",
  too_many_requests: "Too many failed sign-ins; wait a few minutes and try again",
  bad_request: "Enter your username and password",
};

export function loginErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return FORM_ERRORS[code] ?? "Sign-in failed; try again";
}
