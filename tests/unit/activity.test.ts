// The activity log entry of a callout: the text staff read in the timeline and the JSON the audit keeps.
import { describe, expect, it } from "vitest";
import { type ActivityInput, activityJson, activityText, methodLabels } from "../../domain/callout/activity";

const input: ActivityInput = {
  billId: 561,
  labReportIds: [1987, 1988],
  testNames: ["Sodium", "Ionized Calcium"],
  methods: ["email", "fax", "sms", "whatsapp"],
  recipients: ["Organization", "Referral"],
  comment: "  Read back by Dr. Hartmann ",
  isDraft: false,
  userName: "Marcus Reed",
  contacts: { Organization: { name: "Valley View", email: "desk@vv.test", phone: null, fax: "555-0102" } },
};

describe("activity log entry", () => {
  it("names every channel as staff write it", () => {
    expect(methodLabels(["email", "fax", "sms", "whatsapp"])).toBe("Email, Fax, SMS, WhatsApp");
    expect(methodLabels([])).toBe("");
  });

  it("reads a done callout: who, for what, how, to whom, the trimmed comment", () => {
    expect(activityText(input)).toBe(
      "Callout done by - Marcus Reed, Callout for - Sodium, Ionized Calcium, Method - Email, Fax, SMS, WhatsApp, Recipients - Organization, Referral, Comment - Read back by Dr. Hartmann",
    );
  });

  it("reads an attempt, with dashes for what is empty", () => {
    expect(activityText({ ...input, isDraft: true, methods: [], recipients: [], comment: "  " })).toBe(
      "Callout Attempted by - Marcus Reed, Callout for - Sodium, Ionized Calcium, Method - -, Recipients - -, Comment - -",
    );
  });

  it("keeps the whole action in dumped_json", () => {
    expect(activityJson(input)).toEqual({
      bill_id: 561,
      lab_report_ids: [1987, 1988],
      callout_for: ["Sodium", "Ionized Calcium"],
      method: "Email, Fax, SMS, WhatsApp",
      methods: ["email", "fax", "sms", "whatsapp"],
      callout_done_by: "Marcus Reed",
      recipients: "Organization, Referral",
      recipient_list: ["Organization", "Referral"],
      comment: "  Read back by Dr. Hartmann ",
      is_draft: false,
      contacts: input.contacts,
      notify_to_others: null,
      already_notified: null,
      // A done callout without an outcome or a phone call sent a message (DESIGN §9's default).
      outcome: { code: "message_sent", person: null, role: null, read_back: null, note: null },
    });
    const others = { name: "Dr. On Call", email: "oncall@clinic.test" };
    const phone = { phone_call: { name: "RN Lee", contact: "555", read_back: true } };
    expect(activityJson({ ...input, notifyToOthers: others, alreadyNotified: phone })).toMatchObject({
      notify_to_others: others,
      already_notified: phone,
      outcome: { code: "reached", person: "RN Lee", read_back: true },
    });
  });
});
