// BulkCriticalCalloutManager: the critical parameters of many reports in two queries, however many
// reports there are: the values with their parameters, and the ranges of those parameters, sent
// together (the ranges are found through the same reports, so neither waits for the other).
import { eq, inArray, sql } from "drizzle-orm";
import {
  type CriticalParameter,
  evaluateReports,
  type ParameterRow,
  type PatientContext,
  type RangeRow,
  type ValueRow,
} from "@/domain/critical/evaluate";
import type { Queryable } from "../connect";
import { intArray } from "../int-array";
import { parameterRanges, reportValues, testParameters } from "../schema";

/** A report value with its parameter (report_values joined to test_parameters). */
export const parameterValueFields = {
  labReportId: reportValues.labReportId,
  parameterId: reportValues.parameterId,
  valueNumeric: reportValues.valueNumeric,
  valueText: reportValues.valueText,
  name: testParameters.name,
  unit: testParameters.unit,
  resultType: testParameters.resultType,
  sortOrder: testParameters.sortOrder,
};

export async function loadCriticalParameters(
  db: Queryable,
  reports: { id: number; patient: PatientContext }[],
): Promise<Map<number, CriticalParameter[]>> {
  if (reports.length === 0) return new Map();
  // One parameter for the list: the same statement text (and prepared statement) for any bill size.
  const ids = intArray(reports.map((r) => r.id));
  const ofReports = sql`${reportValues.labReportId} = any(${ids})`;
  const [values, ranges] = await Promise.all([
    db
      .select(parameterValueFields)
      .from(reportValues)
      .innerJoin(testParameters, eq(testParameters.id, reportValues.parameterId))
      .where(ofReports),
    db
      .select()
      .from(parameterRanges)
      .where(
        inArray(
          parameterRanges.parameterId,
          db.select({ id: reportValues.parameterId }).from(reportValues).where(ofReports),
        ),
      ),
  ]);
  return evaluateLoadedParameters(reports, values, ranges);
}

/** A value row with its parameter's columns, as both loaders select it. */
export type ParameterValueRow = ValueRow & Omit<ParameterRow, "id">;

/** The critical parameters of reports whose values (with their parameters) and ranges are loaded. */
export function evaluateLoadedParameters(
  reports: { id: number; patient: PatientContext }[],
  values: ParameterValueRow[],
  ranges: RangeRow[],
): Map<number, CriticalParameter[]> {
  if (values.length === 0) return new Map();
  const parameters = new Map<number, ParameterRow>();
  for (const v of values) {
    parameters.set(v.parameterId, { id: v.parameterId, name: v.name, unit: v.unit, resultType: v.resultType, sortOrder: v.sortOrder });
  }
  const rangesByParameter = new Map<number, RangeRow[]>();
  for (const r of ranges) {
    const list = rangesByParameter.get(r.parameterId) ?? [];
    list.push(r);
    rangesByParameter.set(r.parameterId, list);
  }
  return evaluateReports(reports, values, parameters, rangesByParameter);
}
