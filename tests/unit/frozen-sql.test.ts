// A frozen fragment must render to exactly what drizzle renders for the fragment itself, and refuse a
// fragment with parameters (their values would be lost in the text).
import { eq, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { frozenSql } from "../../db/frozen-sql";
import { labReports, tests } from "../../db/schema";

const render = (q: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(q);

describe("frozenSql", () => {
  it("renders a statement as the fragment inline would, parameters outside it kept", () => {
    const fragment = sql`select ${labReports.id}, ${tests.testName} from ${labReports} join ${tests} on ${tests.id} = ${labReports.testId}`;
    const inline = render(sql`${fragment} where ${eq(labReports.billId, 7)}`);
    const frozen = render(sql`${frozenSql(fragment)} where ${eq(labReports.billId, 7)}`);
    expect(frozen).toEqual(inline);
    expect(frozen.params).toEqual([7]);
  });

  it("refuses a fragment that carries parameters", () => {
    expect(() => frozenSql(sql`select 1 where ${eq(labReports.billId, 7)}`)).toThrow(/1 parameter/);
  });
});
