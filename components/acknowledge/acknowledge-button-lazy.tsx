"use client";
// The Acknowledge button as its own chunk: only doctors' pages render it, so a technician's bill page
// and worklist do not load it at all (the bill page's first load has a 150 kB budget). Rendered on
// the server as usual; a doctor's page loads the chunk with its first load.
import dynamic from "next/dynamic";

export const AcknowledgeButton = dynamic(() => import("./acknowledge-button").then((m) => m.AcknowledgeButton));
