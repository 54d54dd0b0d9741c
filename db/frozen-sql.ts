// Parameter-free fragments rendered to text once. Drizzle renders a statement by walking every column
// and table of it on each run; the few statements on the hot path that name many columns spent a
// fifth of their Node CPU there (bench/NOTES.md). Raw text it only copies.
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

const dialect = new PgDialect();

/** The fragment as raw SQL text; it must carry no parameters (those vary, or belong in the statement). */
export function frozenSql(fragment: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  if (params.length > 0) throw new Error(`frozenSql: the fragment carries ${params.length} parameter(s)`);
  return sql.raw(text);
}
