// Row sets as JSON inside one statement, so a read that needs several of them (a bill's reports, their
// values and ranges, its draft) is one round trip and one snapshot; read back with each column's own
// driver mapping, so a row decoded from JSON equals the row drizzle would have selected.
import { Column, is, type SQL, sql } from "drizzle-orm";
import { PgNumeric } from "drizzle-orm/pg-core";
import type { Queryable } from "./connect";

/** Named columns or expressions of one JSON object; an expression comes back as JSON gives it. */
export type JsonFields = Record<string, Column | SQL>;

/** A field as it goes into JSON. Numerics go as text: drizzle reads them as strings ("100.00"). */
const jsonValue = (value: Column | SQL) => (is(value, PgNumeric) ? sql`${value}::text` : value);

/** `json_build_object('key', column, …)`. */
export function jsonObject(fields: JsonFields): SQL {
  const parts = Object.entries(fields).map(([key, value]) => {
    if (!/^\w+$/.test(key)) throw new Error(`jsonObject: key ${key} is not a plain name`);
    return sql`${sql.raw(`'${key}'`)}, ${jsonValue(value)}`;
  });
  return sql`json_build_object(${sql.join(parts, sql`, `)})`;
}

/**
 * `json_build_array(column, …)` in the fields' order: for row sets of many rows, a third of the bytes
 * of json_build_object (no key per value), and PostgreSQL builds it faster (bench/NOTES.md).
 */
export function jsonTuple(fields: JsonFields): SQL {
  return sql`json_build_array(${sql.join(Object.values(fields).map(jsonValue), sql`, `)})`;
}

/** A timestamp as JavaScript's toISOString() writes it (UTC, milliseconds): the API's format. */
export const isoTimestamp = (column: unknown) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** JSON from a statement: postgres.js parses it, PGlite may hand over the text. */
export function parsedJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

type Decoder = [key: string, map: ((value: unknown) => unknown) | undefined][];
const decoders = new WeakMap<JsonFields, Decoder>();

function decoderOf(fields: JsonFields): Decoder {
  let decoder = decoders.get(fields);
  if (!decoder) {
    decoder = Object.entries(fields).map(([key, f]) => [key, is(f, Column) ? (v: unknown) => f.mapFromDriverValue(v) : undefined]);
    decoders.set(fields, decoder);
  }
  return decoder;
}

/** A JSON value as the column's driver mapping gives it; null stays null. */
const decodedValue = (map: Decoder[number][1], value: unknown) => (value == null ? null : map ? map(value) : value);

/** One object of `jsonObject(fields)` as drizzle would map the same columns (dates, arrays, jsonb). */
export function decodeJsonObject<T>(fields: JsonFields, json: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const [key, map] of decoderOf(fields)) row[key] = decodedValue(map, json[key]);
  return row as T;
}

/** One array of `jsonTuple(fields)`, mapped as decodeJsonObject maps an object. */
export function decodeJsonTuple<T>(fields: JsonFields, tuple: unknown[]): T {
  const row: Record<string, unknown> = {};
  const decoder = decoderOf(fields);
  decoder.forEach(([key, map], i) => {
    row[key] = decodedValue(map, tuple[i]);
  });
  return row as T;
}

/** The first row of a statement run through drizzle's `execute`, whichever driver ran it. */
export async function executeFirstRow<T>(db: Queryable, statement: SQL): Promise<T | undefined> {
  const result = (await db.execute(statement)) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows[0] as T | undefined;
}
