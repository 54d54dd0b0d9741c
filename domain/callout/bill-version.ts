// The bill's callout version on the wire (DESIGN §8): endpoint 1 answers it as a strong ETag, and a
// writer names the version it saw in If-Match.
import { ApiError } from "@/domain/errors";

/** `"<billId>-<version>"`, the ETag of endpoint 1. */
export function billETag(billId: number, version: number): string {
  return `"${billId}-${version}"`;
}

/** The version an If-Match header names for this bill: null when absent or `*`; 412 for another bill. */
export function parseIfMatch(header: string | null, billId: number): number | null {
  if (header === null || header.trim() === "*") return null;
  const tags = header.split(",").map((t) => t.trim());
  const versions = tags.map((t) => /^"(\d{1,10})-(\d{1,10})"$/.exec(t));
  if (versions.some((m) => m === null)) {
    throw new ApiError("bad_request", 'If-Match must be the ETag endpoint 1 answered, e.g. "291-4"');
  }
  const mine = versions.filter((m) => Number(m![1]) === billId).map((m) => Number(m![2]));
  // An ETag of another bill can never match this one: the writer is looking at something else.
  return mine.length ? Math.max(...mine) : -1;
}
