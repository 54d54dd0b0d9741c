// The callout form's outcomes (DESIGN §9): preset so one click records one, sent with each action,
// and a "reached" without a person named stops "Mark as done" only.
import { describe, expect, it } from "vitest";
import { blockers, type CalloutForm, EMPTY_FORM, toRequestBody } from "../../components/critical-callout/callout-form";

const form = (f: Partial<CalloutForm> = {}): CalloutForm => ({ ...EMPTY_FORM, selected: [7], recipients: ["Referral"], methods: ["email"], ...f });
const settings = { mandatory_comments: 0, is_email: 1 } as const;
const available = { recipients: ["Referral"] as const };

describe("the form's outcomes", () => {
  it("presets an attempt to no answer", () => {
    expect(toRequestBody(form(), true).critical_callout_meta.outcome).toEqual({ code: "no_answer" });
    expect(toRequestBody(form({ attemptOutcome: "busy" }), true).critical_callout_meta.outcome).toEqual({ code: "busy" });
  });

  it("presets done to message sent, and to reached with the read-back once a person is named", () => {
    expect(toRequestBody(form(), false).critical_callout_meta.outcome).toEqual({ code: "message_sent" });
    const named = form({ phoneCall: { name: " Dr. Rao ", contact: "555", readBack: true } });
    expect(toRequestBody(named, false).critical_callout_meta.outcome).toEqual({ code: "reached", person: "Dr. Rao", read_back: true });
    expect(toRequestBody({ ...named, doneOutcome: "message_sent" }, false).critical_callout_meta.outcome).toEqual({ code: "message_sent" });
  });

  it("blocks only Mark as done when reached is chosen without a person", () => {
    const b = blockers(form({ doneOutcome: "reached" }), settings, available);
    expect(b.both).toEqual([]);
    expect(b.done.join(" ")).toMatch(/needs the person/);
    expect(blockers(form(), settings, available)).toEqual({ both: [], done: [] });
  });
});
