// What a caller may ask of the callout dialog beyond the bill: the bill page's Sign button opens it
// for one report whose signing waits on a callout (DESIGN §6, always_notify). No zod, no React
// imports beyond types: the bill page's first bundle names this type without loading the dialog.
import type { ReactNode } from "react";

export interface CalloutDialogOptions {
  /** Reports to select when the form opens, instead of the draft's or the open ones. */
  preselect?: readonly number[];
  /** Shown at the top of the dialog (why it opened, then what happened); announced as it changes. */
  notice?: ReactNode;
  /** The notice's tone, for its colours and icon. */
  noticeTone?: "info" | "warning" | "success" | "error";
  /** Called once "Mark as done" has been saved, with the reports the done callout covered. */
  onCalloutDone?: (labReportIds: readonly number[]) => void;
}
