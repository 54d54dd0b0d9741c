import type { SessionContext } from "./session-context";

/** The notify configuration is lab-wide, so only support (the lab's supervisors) may change it. */
export function canEditNotifySettings(s: SessionContext): boolean {
  return s.kind === "support";
}
