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
