// Names the demo people and places are drawn from, and the words of its callout history.
import type { DeptName, LabNo } from "./catalog";

export const MALE = [
  "James", "Robert", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles", "Daniel", "Matthew",
  "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin", "Brian", "George", "Omar", "Luis", "Wei", "Arjun",
  "Kwame", "Mateo", "Ivan", "Hiroshi", "Samuel", "Ethan",
];
export const FEMALE = [
  "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa",
  "Margaret", "Sandra", "Ashley", "Emily", "Donna", "Michelle", "Aisha", "Fatima", "Mei", "Priya", "Sofia", "Olga", "Yuki",
  "Amara", "Lucia", "Grace", "Chloe", "Hannah",
];
export const LAST = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
  "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
  "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Nguyen", "Patel", "Kim", "Okafor", "Kowalski", "Rossi", "Schmidt", "Novak", "Haddad", "Tanaka", "Mensah",
  "Ivanova", "Fischer", "O'Brien", "Silva", "Cohen", "Singh", "Dubois", "Larsen",
];

export const ORGS: Record<LabNo, [string, string][]> = {
  1: [
    ["St. Mary's Medical Center", "stmarys"],
    ["Northfield General Hospital — Emergency Dept.", "northfieldgeneral"],
    ["Lakeside Family Clinic", "lakesidefamily"],
    ["Cedar Ridge Nursing Home", "cedarridge"],
    ["Harbor Pediatrics", "harborpeds"],
    ["Westgate Urgent Care", "westgateuc"],
    ["Pinecrest Oncology Associates", "pinecrestonc"],
    ["Meadowbrook Dialysis Center", "meadowbrook"],
  ],
  2: [
    ["Riverside Regional Hospital", "riversideregional"],
    ["Elm Street Medical Group", "elmstreetmg"],
    ["Valley View Cardiology", "valleyviewcardio"],
    ["Sunrise Senior Living", "sunrisesenior"],
    ["Bayside Women's Health", "baysidewomens"],
    ["Oakwood Community Health Center", "oakwoodchc"],
    ["Summit Orthopedics", "summitortho"],
    ["Greenfield Hospice", "greenfieldhospice"],
  ],
};

export const DEPT_DOCTORS: Record<LabNo, [string, DeptName[]][]> = {
  1: [
    ["Dr. Helen Marsh", ["Hematology"]],
    ["Dr. Samuel Idowu", ["Clinical Chemistry", "Blood Gas"]],
    ["Dr. Laura Fischer", ["Microbiology", "Immunology"]],
    ["Dr. Rafael Costa", ["Coagulation", "Hematology"]],
    ["Dr. Nadia Haddad", ["Clinical Chemistry"]],
  ],
  2: [
    ["Dr. Owen Gallagher", ["Hematology", "Coagulation"]],
    ["Dr. Mei Tanaka", ["Clinical Chemistry"]],
    ["Dr. Kwame Mensah", ["Microbiology"]],
    ["Dr. Sofia Romano", ["Immunology", "Blood Gas"]],
  ],
};

export const READ_BACK_NAMES = [
  "RN Maria Lopez",
  "RN Kevin Walsh",
  "Charge Nurse Tamika Brooks",
  "Dr. on call (J. Whitfield)",
  "Medical Assistant Carla Diaz",
  "RN Peter Novak",
  "Front desk (Ana Ruiz)",
];

export const DONE_COMMENTS = [
  "Result read back and acknowledged.",
  "Informed by phone; read-back confirmed.",
  "Critical value read back by the ward nurse; physician to be paged.",
  "Referring physician informed directly; read-back done.",
  "Called ED charge nurse; read-back verified, patient being reassessed.",
  "Fax confirmation received and phone call made; read-back verified.",
];
export const ATTEMPT_COMMENTS = [
  "No answer at the referring office; voicemail left with callback number.",
  "Line busy, will retry in 15 minutes.",
  "Clinic closed for lunch; fax sent, awaiting confirmation.",
  "Answering service took a message; awaiting callback from on-call physician.",
  "Wrong number on file; requested updated contact from registration.",
];
