// The clock's arithmetic and the escalation levels (DESIGN §9), at their edges.
import { describe, expect, it } from "vitest";
import { type ClockFacts, computeClock, liveMinutes } from "../../domain/critical/clock";
import { dueEscalations } from "../../domain/critical/escalation";

const T0 = new Date("2026-11-20T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const facts = (f: Partial<ClockFacts> = {}): ClockFacts => ({
  criticalValues: 1,
  approvedAt: T0,
  sampleCollectedAt: at(-30),
  firstDoneAt: null,
  attempts: 0,
  escalations: [],
  ...f,
});
const policy = { notify_target_minutes: 60, escalation_after_minutes: 30, max_attempts: 3 };

describe("computeClock", () => {
  it("starts at approval, else at sample collection", () => {
    expect(computeClock(facts(), 60, at(10))).toMatchObject({ started_at: T0.toISOString(), minutes: 10 });
    expect(computeClock(facts({ approvedAt: null }), 60, at(10))).toMatchObject({ started_at: at(-30).toISOString(), minutes: 40 });
  });

  it("is unknown without any start", () => {
    expect(computeClock(facts({ approvedAt: null, sampleCollectedAt: null }), 60, at(10))).toMatchObject({ started_at: null, minutes: null, overdue: null });
  });

  it("is not overdue exactly at target, overdue a tenth of a minute later", () => {
    expect(computeClock(facts(), 60, at(60))).toMatchObject({ minutes: 60, overdue: false });
    expect(computeClock(facts(), 60, at(60.1))).toMatchObject({ minutes: 60.1, overdue: true });
  });

  it("stops at the first done callout: minutes to notification, however late it is now", () => {
    const clock = computeClock(facts({ criticalValues: 2, firstDoneAt: at(45) }), 60, at(500));
    expect(clock).toMatchObject({ notified_at: at(45).toISOString(), minutes: 45, overdue: false });
    expect(liveMinutes(clock, at(900))).toBe(45);
  });

  it("has no notification time for a done report without a done callout (legacy data)", () => {
    expect(computeClock(facts({ criticalValues: 2 }), 60, at(500))).toMatchObject({ notified_at: null, minutes: null, overdue: null });
  });

  it("rounds to one decimal and keeps every key, acknowledgement null", () => {
    const clock = computeClock(facts({ attempts: 2, escalations: [{ level: 2, at: at(61) }, { level: 1, at: at(30) }] }), 60, at(12.345));
    expect(clock).toEqual({
      started_at: T0.toISOString(),
      notified_at: null,
      minutes: 12.3,
      target_minutes: 60,
      overdue: false,
      attempts: 2,
      escalated_at: at(30).toISOString(),
      escalation_level: 2,
      acknowledged_at: null,
    });
  });

  it("keeps counting a running clock on screen", () => {
    expect(liveMinutes(computeClock(facts(), 60, at(5)), at(75))).toBe(75);
  });
});

describe("dueEscalations", () => {
  it("is nothing before the escalation delay", () => {
    expect(dueEscalations(facts(), policy, at(29.9))).toEqual([]);
  });

  it("is level 1 once the delay has passed", () => {
    expect(dueEscalations(facts(), policy, at(30))).toEqual([{ level: 1, reason: "delay", minutesWaited: 30 }]);
  });

  it("is level 1 after the maximum of unsuccessful attempts, however early", () => {
    expect(dueEscalations(facts({ criticalValues: 4, attempts: 3 }), policy, at(5))).toEqual([{ level: 1, reason: "attempts", minutesWaited: 5 }]);
    expect(dueEscalations(facts({ criticalValues: 4, attempts: 2 }), policy, at(5))).toEqual([]);
  });

  it("is level 2 once overdue (not at exactly the target), and both at once when past both", () => {
    expect(dueEscalations(facts({ escalations: [{ level: 1, at: at(30) }] }), policy, at(60))).toEqual([]);
    expect(dueEscalations(facts({ escalations: [{ level: 1, at: at(30) }] }), policy, at(61))).toEqual([{ level: 2, reason: "target_missed", minutesWaited: 61 }]);
    expect(dueEscalations(facts(), policy, at(90)).map((e) => e.level)).toEqual([1, 2]);
  });

  it("is nothing once escalated at both levels", () => {
    const escalations = [{ level: 1, at: at(30) }, { level: 2, at: at(61) }];
    expect(dueEscalations(facts({ escalations }), policy, at(600))).toEqual([]);
  });

  it("never escalates a report done (or with a done callout), nor a normal one", () => {
    expect(dueEscalations(facts({ criticalValues: 2, firstDoneAt: at(20) }), policy, at(600))).toEqual([]);
    expect(dueEscalations(facts({ criticalValues: 1, firstDoneAt: at(20) }), policy, at(600))).toEqual([]);
    expect(dueEscalations(facts({ criticalValues: 2 }), policy, at(600))).toEqual([]);
    expect(dueEscalations(facts({ criticalValues: 0 }), policy, at(600))).toEqual([]);
  });
});
