// The plan: every row of the demo, built first with all the randomness and inserted afterwards.
// Plan instants are epoch ms on the plan's week (timeline.ts); ids are 0 until inserted.
import type { ActivityInput, CommunicationMethod, Recipient } from "@/domain/callout/activity";
import type { RangeRow } from "@/domain/critical/evaluate";
import type { DeptName, LabNo, TestDef } from "./catalog";
import type { RuleParam, ValueClass } from "./rule";

export interface PDept {
  name: DeptName;
  id: number;
}
export type PParam = RuleParam;
export interface PTest {
  def: TestDef;
  dept: PDept;
  params: PParam[];
  id: number;
}
export interface POrg {
  name: string;
  phone: string;
  email: string;
  fax: string;
  id: number;
}
export interface PDoctor {
  name: string;
  docType: 0 | 2;
  phone: string;
  email: string;
  fax: string | null;
  depts: PDept[];
  id: number;
}
export interface PPatient {
  fullName: string;
  sex: "M" | "F" | "U";
  dob: string | null;
  phone: string | null;
  email: string | null;
  id: number;
}
export interface PUser {
  username: string;
  displayName: string;
  kind: "lab_user" | "doctor" | "support";
  doctor?: PDoctor;
  departmentDataType: 0 | 1 | null;
  departmentIds: PDept[];
  relDepts: PDept[];
  /** Performs history rows. */
  performer: boolean;
  id: number;
}
export interface PReport {
  bill: PBill;
  test: PTest;
  values: (number | string)[];
  /** The range the rule picked for each parameter (patient sex, age at collection). */
  ranges: (RangeRow | undefined)[];
  classes: ValueClass[];
  critical: boolean;
  abnormal: boolean;
  status: number;
  dismissed: boolean;
  collected: boolean;
  collectedAt: number | null;
  approvedAt: number | null;
  signed: boolean;
  comments: string | null;
  autoApproval: number;
  id: number;
}
export interface PAction {
  draft: boolean;
  reports: PReport[];
  at: number;
  user: PUser;
  recipients: Recipient[];
  methods: CommunicationMethod[];
  comment: string;
  notifyToOthers: ActivityInput["notifyToOthers"];
  alreadyNotified: ActivityInput["alreadyNotified"];
}
export interface PBill {
  patient: PPatient;
  doc: PDoctor | null;
  org: POrg | null;
  accession: string;
  createdAt: number;
  reports: PReport[];
  actions: PAction[];
  /** The bill's draft after its history (the last action, when an attempt). */
  draft: PAction | null;
  feature?: string;
  id: number;
}
export interface PLab {
  no: LabNo;
  name: string;
  prefix: string;
  id: number;
  depts: Map<DeptName, PDept>;
  tests: PTest[];
  testByName: Map<string, PTest>;
  orgs: POrg[];
  doctors: PDoctor[];
  referrals: PDoctor[];
  patients: PPatient[];
  users: PUser[];
  bills: PBill[];
  settings: Record<string, unknown>;
}

export function userCovers(u: PUser, depts: DeptName[]): boolean {
  if (u.kind === "support") return true;
  if (u.kind !== "lab_user") return false;
  const own = new Set((u.departmentDataType === 1 ? u.relDepts : u.departmentIds).map((d) => d.name));
  return depts.every((d) => own.has(d));
}
