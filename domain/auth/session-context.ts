// What a request knows about its user once the session is loaded; the input of every scope decision.
export type SessionKind = "lab_user" | "doctor" | "support";

export interface SessionContext {
  sessionId: string;
  userId: number;
  labId: number;
  labName: string;
  username: string;
  displayName: string;
  kind: SessionKind;
  doctorId: number | null;
  /** doctors.doc_type of a doctor login: 0 department doctor, 2 referral doctor. */
  docType: number | null;
  departmentDataType: number | null;
  /** users.department_ids as copied into the session at login. */
  departmentIds: number[];
  /**
   * The departments the session is limited to (DESIGN §3) and their tests, read fresh with the
   * session on every request (db/scope.ts); null when it is not limited by department (support
   * users, referral doctors).
   */
  departmentScope: { departmentIds: number[]; testIds: number[] } | null;
}

/**
 * The identity of the app's own background work (the escalation worker): a whole lab in view, as a
 * supervisor has, named "System" in the logs and events it writes. Its rows name no user.
 */
export function systemActor(labId: number, labName: string): SessionContext {
  return {
    sessionId: "system",
    userId: 0,
    labId,
    labName,
    username: "system",
    displayName: "System",
    kind: "support",
    doctorId: null,
    docType: null,
    departmentDataType: null,
    departmentIds: [],
    departmentScope: null,
  };
}
