// The code systems of the Communication mapping (DESIGN §12) and how the app's values map to them.
import type { CommunicationMethod } from "../callout/activity";
import type { CriticalFlag } from "../critical/evaluate";

export const CS = {
  category: "http://terminology.hl7.org/CodeSystem/communication-category",
  notDoneReason: "http://terminology.hl7.org/CodeSystem/communication-not-done-reason",
  participationMode: "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode",
  interpretation: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
} as const;

export interface Coding {
  system: string;
  code: string;
  display: string;
}

const mode = (code: string, display: string): Coding => ({ system: CS.participationMode, code, display });

/** Channels as v3 ParticipationMode; SMS and WhatsApp have no code of their own: online written. */
export const METHOD_MODE: Record<CommunicationMethod, Coding> = {
  email: mode("EMAILWRIT", "email"),
  fax: mode("FAXWRIT", "telefax"),
  sms: mode("ONLINEWRIT", "online written"),
  whatsapp: mode("ONLINEWRIT", "online written"),
};
export const PHONE_MODE = mode("PHONE", "telephone");
export const FAX_MODE = METHOD_MODE.fax;

export const FLAG_DISPLAY: Record<CriticalFlag, string> = {
  LL: "Critical low",
  HH: "Critical high",
  AA: "Critical abnormal",
};

const notDone = (code: string, display: string): Coding => ({ system: CS.notDoneReason, code, display });

/** Why a communication was not done (CommunicationNotDoneReason), by attempt outcome or escalation. */
export const NOT_DONE_REASON: Record<string, Coding> = {
  wrong_number: notDone("invalid-phone-number", "Invalid Phone Number"),
  recipient_unavailable: notDone("recipient-unavailable", "Recipient Unavailable"),
  escalation: notDone("recipient-unavailable", "Recipient Unavailable"),
};
