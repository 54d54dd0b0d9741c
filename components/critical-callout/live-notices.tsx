"use client";
// What the open dialog hears from colleagues (DESIGN §8): who else has this callout open, and a write
// on the bill made since the form was filled — the form keeps what the user typed, and a save based
// on the older state is refused by the server until the user has seen the change.
import { useState } from "react";
import { type CalloutEventData, type PresenceEntry, useEventStream } from "@/components/live/use-event-stream";
import { LocalTime } from "@/components/ui/local-time";

const KIND_TEXT: Record<CalloutEventData["kind"], string> = {
  attempt: "saved an attempt",
  done: "marked a callout as done",
  acknowledgement: "recorded an acknowledgement",
  escalation: "escalated",
  sign: "signed reports",
};

/** Follows the bill's events with presence announced: this dialog is open. */
export function useCalloutLive(billId: number) {
  const [people, setPeople] = useState<PresenceEntry[]>([]);
  const [latest, setLatest] = useState<CalloutEventData | null>(null);
  useEventStream(`/api/events?bill_id=${billId}&presence=1`, { onPresence: setPeople, onCallout: setLatest });
  return { people, latest };
}

export function PresenceNotice({ people }: { people: PresenceEntry[] }) {
  if (people.length === 0) return null;
  return (
    <ul aria-label="Also open by" className="space-y-1 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {people.map((p) => (
        <li key={p.user_id}>
          <span className="font-semibold">{p.name}</span> has this callout open since <LocalTime iso={p.since} />
        </li>
      ))}
    </ul>
  );
}

/** Shown when the bill moved past the version the form was filled from, by someone else's write. */
export function ChangedNotice({ change }: { change: CalloutEventData }) {
  return (
    <p role="status" className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
      <span className="font-semibold">{change.by}</span> {KIND_TEXT[change.kind]} at <LocalTime iso={change.at} />. The statuses
      and history show it; your entries are kept, and saving will first ask you to review the change.
    </p>
  );
}
