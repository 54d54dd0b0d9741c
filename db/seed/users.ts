// The demo logins of each lab (README: tech, tech2, drdept, drref, support, mlt.nguyen; lab 2's
// support2, rd.raman, rd.becker) and each lab's callout settings.
import { DEPARTMENTS, type DeptName, type LabNo } from "./catalog";
import type { PDept, PDoctor, PUser } from "./plan-types";

type UserSpec = Omit<PUser, "id" | "departmentIds" | "relDepts" | "doctor" | "departmentDataType"> & {
  departmentDataType?: 0 | 1;
  departmentIds?: DeptName[];
  relDepts?: DeptName[];
  doctor?: PDoctor;
};

function labUsers(no: LabNo, doctors: PDoctor[], referrals: PDoctor[]): UserSpec[] {
  const all = [...DEPARTMENTS];
  if (no === 1) {
    return [
      { username: "tech", displayName: "Asha Patel, MLT", kind: "lab_user", departmentDataType: 0, departmentIds: ["Hematology", "Clinical Chemistry"], performer: true },
      { username: "tech2", displayName: "Daniel Ortiz, MLS(ASCP)", kind: "lab_user", departmentDataType: 1, relDepts: ["Microbiology", "Coagulation"], performer: true },
      { username: "drdept", displayName: "Dr. Helen Marsh", kind: "doctor", doctor: doctors[0], performer: false },
      { username: "drref", displayName: "Dr. Michael Brennan", kind: "doctor", doctor: referrals[0], performer: false },
      { username: "support", displayName: "Grace Okafor, Laboratory Supervisor", kind: "support", performer: true },
      { username: "mlt.nguyen", displayName: "Linh Nguyen, MLS", kind: "lab_user", departmentDataType: 0, departmentIds: all, performer: true },
    ];
  }
  return [
    { username: "support2", displayName: "Marcus Reed, Laboratory Manager", kind: "support", performer: true },
    { username: "rd.raman", displayName: "Priya Raman, MLS", kind: "lab_user", departmentDataType: 0, departmentIds: all, performer: true },
    { username: "rd.becker", displayName: "Tom Becker, MLT", kind: "lab_user", departmentDataType: 1, relDepts: all, performer: true },
  ];
}

export function planUsers(no: LabNo, depts: Map<DeptName, PDept>, doctors: PDoctor[], referrals: PDoctor[]): PUser[] {
  const dep = (n: DeptName) => depts.get(n)!;
  return labUsers(no, doctors, referrals).map((u) => ({
    ...u,
    departmentDataType: u.departmentDataType ?? null,
    departmentIds: (u.departmentIds ?? []).map(dep),
    relDepts: (u.relDepts ?? []).map(dep),
    id: 0,
  }));
}

export function labSettings(no: LabNo): Record<string, unknown> {
  if (no === 1) {
    return {
      additional_instruction: "Read back the critical value and record the name of the person who received it.",
      mandatory_comments: 0,
      always_notify: 0,
      show_patient_name: 0,
      share_comment: 0,
      is_email: 1,
    };
  }
  return {
    additional_instruction:
      "Call the referring clinician first; if there is no answer within 15 minutes, escalate to the on-call pathologist. Always record the read-back.",
    mandatory_comments: 1,
    always_notify: 1,
    show_patient_name: 1,
    share_comment: 1,
    is_email: 1,
  };
}
