// The callout dialog's pure logic: how the form starts (draft restored, else the open reports), the
// body it sends to endpoint 4, why an action is blocked, and how log entries read on the timeline.
import { describe, expect, it } from "vitest";
import { blockers, EMPTY_FORM, initialForm, toRequestBody, withSelection } from "../../components/critical-callout/callout-form";
import { relativeTime, toTimelineEntry } from "../../components/critical-callout/log-entry";
import type { CriticalRecordsResponse, LogEntryDto } from "../../contracts/critical";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";

const report = (labReportId: number, testID: number, criticalValues: number) =>
  ({
    critical_parameters: [],
    lab_report: { labReportId, criticalValues, reportID: { testID, testName: `Test ${testID}`, departmentId: 1, departmentName: "Hematology", isProfile: false } },
  }) as unknown as CriticalRecordsResponse["reports"][number];

const reports = [report(11, 101, 1), report(12, 102, 4), report(13, 103, 2), report(14, 104, 1)];
const all = { recipients: ["Organization", "Referral", "Patient"] as const };

describe("initialForm", () => {
  it("selects the open reports (pending or attempted) when the bill has no draft", () => {
    const form = initialForm({ reports, attempted_callout: null, callout_version: 0 });
    expect(form).toEqual({ ...EMPTY_FORM, selected: [11, 12, 14] });
  });

  it("restores a draft: its callout_for (test ids), recipients, channels, contacts made and comment", () => {
    const form = initialForm({
      reports,
      callout_version: 0,
      attempted_callout: {
        recipients: ["Referral", "Nobody"],
        critical_callout_comment: "No answer",
        critical_values_meta: {},
        critical_callout_meta: {
          callout_for: [102, 103],
          communication_methods: ["fax", "pigeon"],
          notify_to_others: { name: "Ward 3", email: "", fax: "", contactNumber: "555" },
          already_notified: { phone_call: { name: "RN Lee", contact: "555-1", read_back: true }, fax: null },
        },
      },
    });
    expect(form).toEqual({
      selected: [12, 13],
      recipients: ["Referral"],
      methods: ["fax"],
      others: { name: "Ward 3", email: "", fax: "", contactNumber: "555" },
      phoneCall: { name: "RN Lee", contact: "555-1", readBack: true },
      fax: { name: "", faxNumber: "" },
      comment: "No answer",
      attemptOutcome: "no_answer",
      doneOutcome: null,
    });
  });
});

describe("withSelection", () => {
  const records = { reports, attempted_callout: null, callout_version: 0 };
  const draft = { ...EMPTY_FORM, selected: [11, 12], recipients: ["Referral" as const], comment: "No answer" };

  it("selects only the given reports (the one a Sign waits on) and keeps the rest of the form", () => {
    expect(withSelection(draft, records, [14])).toEqual({ ...draft, selected: [14] });
  });

  it("leaves the form as it was without ids, or when none of them is on the bill", () => {
    expect(withSelection(draft, records)).toBe(draft);
    expect(withSelection(draft, records, [])).toBe(draft);
    expect(withSelection(draft, records, [999])).toBe(draft);
  });
});

describe("toRequestBody", () => {
  it("leaves out empty optional blocks and trims what it sends", () => {
    const body = toRequestBody({ ...EMPTY_FORM, selected: [11], recipients: ["Patient", "Organization"], methods: ["sms", "email"], comment: "c" }, true);
    expect(body).toEqual({
      lab_report_ids: [11],
      is_draft: true,
      recipients: ["Organization", "Patient"],
      critical_callout_comment: "c",
      critical_callout_meta: { communication_methods: ["email", "sms"], notify_to_others: null, already_notified: null, outcome: { code: "no_answer" } },
    });
  });

  it("sends contacts already made, and drops email when the lab turned it off", () => {
    const body = toRequestBody(
      { ...EMPTY_FORM, selected: [11], methods: ["email", "fax"], phoneCall: { name: " RN Lee ", contact: "", readBack: true } },
      false,
      { is_email: 0 },
    );
    expect(body.critical_callout_meta).toEqual({
      communication_methods: ["fax"],
      notify_to_others: null,
      already_notified: { phone_call: { name: "RN Lee", contact: "", read_back: true }, fax: null },
      outcome: { code: "reached", person: "RN Lee", read_back: true },
    });
  });
});

describe("blockers", () => {
  it("blocks both actions without a selected report, and without a comment when the lab requires one", () => {
    const b = blockers(EMPTY_FORM, { ...DEFAULT_NOTIFY_SETTINGS, mandatory_comments: 1 }, all);
    expect(b.both).toEqual(["Select at least one report.", "A comment is required by the lab's notify configuration."]);
    expect(blockers({ ...EMPTY_FORM, selected: [1], comment: " x " }, { ...DEFAULT_NOTIFY_SETTINGS, mandatory_comments: 1 }, all).both).toEqual([]);
  });

  it("asks a done callout for a channel (or contact made) and a recipient, each by name", () => {
    const CHANNEL = "Choose a channel, or record the phone call or fax already made.";
    const RECIPIENT = "Choose at least one recipient.";
    const form = { ...EMPTY_FORM, selected: [1] };
    const neither = blockers(form, DEFAULT_NOTIFY_SETTINGS, all);
    expect(neither.both).toEqual([]);
    expect(neither.done).toEqual([CHANNEL, RECIPIENT]);
    expect(blockers({ ...form, methods: ["fax"] }, DEFAULT_NOTIFY_SETTINGS, all).done).toEqual([RECIPIENT]);
    expect(blockers({ ...form, recipients: ["Referral"] }, DEFAULT_NOTIFY_SETTINGS, all).done).toEqual([CHANNEL]);
    expect(blockers({ ...form, methods: ["fax"], recipients: ["Referral"] }, DEFAULT_NOTIFY_SETTINGS, all).done).toEqual([]);
    // A recipient the bill does not have (no referral doctor) does not count.
    expect(blockers({ ...form, methods: ["fax"], recipients: ["Referral"] }, DEFAULT_NOTIFY_SETTINGS, { recipients: ["Organization"] }).done).toEqual([RECIPIENT]);
    // Another person to notify is a recipient too.
    const others = { ...EMPTY_FORM.others, name: "Dr. On Call", email: "oncall@clinic.test" };
    expect(blockers({ ...form, methods: ["email"], others }, DEFAULT_NOTIFY_SETTINGS, all).done).toEqual([]);
    // Contact already made by phone answers both.
    const reached = { ...form, phoneCall: { name: "RN Lee", contact: "", readBack: true } };
    expect(blockers(reached, DEFAULT_NOTIFY_SETTINGS, all).done).toEqual([]);
  });

  it("asks for the name of the person reached when only a number or read-back is given", () => {
    const b = blockers({ ...EMPTY_FORM, selected: [1], phoneCall: { name: "", contact: "555", readBack: false } }, DEFAULT_NOTIFY_SETTINGS, all);
    expect(b.both).toEqual(["Enter the name of the person reached by phone."]);
  });
});

describe("toTimelineEntry", () => {
  const log = (meta: Record<string, unknown>, activityText = "Callout done by - A"): LogEntryDto =>
    ({ id: 1, labReportId: 1, labReportIds: [1], meta, labUserName: "Asha", activityText, activityDate: "2026-11-20T08:00:00.000Z" }) as LogEntryDto;

  it("reads the app's dumped_json", () => {
    const e = toTimelineEntry(
      log({
        is_draft: false,
        callout_for: ["Potassium"],
        methods: ["email", "whatsapp"],
        recipient_list: ["Referral"],
        comment: " Told RN ",
        already_notified: { phone_call: { name: "RN Lee", contact: "555", read_back: true } },
      }),
    );
    expect(e).toMatchObject({
      action: "Done",
      who: "Asha",
      tests: ["Potassium"],
      methods: ["Email", "WhatsApp"],
      recipients: ["Referral"],
      comment: "Told RN",
      phoneCall: { name: "RN Lee", contact: "555", readBack: true },
      fallbackText: null,
    });
  });

  it("survives rows of older tools: derives the action from the text and shows the text", () => {
    const e = toTimelineEntry(log({ methods: 5, already_notified: "yes" }, "Callout Attempted by - B"));
    expect(e).toMatchObject({ action: "Attempted", methods: [], phoneCall: null, fallbackText: "Callout Attempted by - B" });
  });
});

describe("relativeTime", () => {
  const now = new Date("2026-11-20T10:00:00Z");
  it.each([
    ["2026-11-20T09:59:40Z", "just now"],
    ["2026-11-20T09:55:00Z", "5 min. ago"],
    ["2026-11-20T07:00:00Z", "3 hr. ago"],
    ["2026-11-19T09:00:00Z", "yesterday"],
  ])("%s → %s", (iso, expected) => {
    expect(relativeTime(new Date(iso), now)).toBe(expected);
  });
});
