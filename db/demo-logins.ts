// The demo logins the seed creates (listed on /login in development and in the README).
export const DEMO_PASSWORD = "demo1234";

export const DEMO_LOGINS: {
  username: string;
  kind: "lab_user" | "doctor" | "support";
  lab: 1 | 2;
  description: string;
}[] = [
  {
    username: "tech",
    kind: "lab_user",
    lab: 1,
    description: "Asha Patel, MLT (Northfield) — lab technician: Hematology and Clinical Chemistry (department list of the login)",
  },
  {
    username: "tech2",
    kind: "lab_user",
    lab: 1,
    description: "Daniel Ortiz, MLS(ASCP) (Northfield) — lab technician: Microbiology and Coagulation (assigned departments)",
  },
  {
    username: "drdept",
    kind: "doctor",
    lab: 1,
    description: "Dr. Helen Marsh (Northfield) — in-house hematologist: Hematology reports of every bill",
  },
  {
    username: "drref",
    kind: "doctor",
    lab: 1,
    description: "Dr. Michael Brennan (Northfield) — referring internist: only the bills he referred, all departments",
  },
  {
    username: "support",
    kind: "support",
    lab: 1,
    description: "Grace Okafor, Laboratory Supervisor (Northfield) — support: every department",
  },
  {
    username: "support2",
    kind: "support",
    lab: 2,
    description: "Marcus Reed, Laboratory Manager (Riverside Diagnostics) — support: every department of the second lab",
  },
];
