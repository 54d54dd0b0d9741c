"use client";

/**
 * Signs out, then loads the sign-in page as a new document: nothing of the session (cached records,
 * patient names in the query cache) survives in the tab's memory.
 */
export function LogoutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await fetch("/auth/logout", { method: "POST" });
        window.location.replace("/login");
      }}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
    >
      Sign out
    </button>
  );
}
