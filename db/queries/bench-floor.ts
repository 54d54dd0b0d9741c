// The bench's floor route with a round trip (app/api/bench/floor/route.ts): a JSON text of `bytes`
// bytes written by PostgreSQL, as endpoint 2's answer is, in one statement that reads no table.
import { sql } from "drizzle-orm";
import { benchFloorPadding } from "@/contracts/bench";
import { type Queryable, rawRows } from "../connect";

export async function paddedTextFromDatabase(db: Queryable, bytes: number): Promise<string> {
  const [row] = await rawRows<{ text: string }>(db, sql`select '{"pad":"' || repeat('x', ${benchFloorPadding(bytes)}::int) || '"}' as text`);
  return row.text;
}
