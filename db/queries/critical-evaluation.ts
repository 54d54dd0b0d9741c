// BulkCriticalCalloutManager: the critical parameters of many reports in two queries, however many
// reports there are: the values with their parameters, and the ranges of those parameters, sent
// together (the ranges are found through the same reports, so neither waits for the other).
import { eq, inArray } from "drizzle-orm";
import {
  type CriticalParameter,
  evaluateReports,
  type ParameterRow,
  type PatientContext,
  type RangeRow,
} from "@/domain/critical/evaluate";
import type { Queryable } from "../connect";
import { parameterRanges, reportValues, testParameters } from "../schema";

export async function loadCriticalParameters(
  db: Queryable,
  reports: { id: number; patient: PatientContext }[],
): Promise<Map<number, CriticalParameter[]>> {
  if (reports.length === 0) return new Map();
  const ids = reports.map((r) => r.id);
  const [values, ranges] = await Promise.all([
    db
      .select({
        labReportId: reportValues.labReportId,
        parameterId: reportValues.parameterId,
        valueNumeric: reportValues.valueNumeric,
        valueText: reportValues.valueText,
        name: testParameters.name,
        unit: testParameters.unit,
        resultType: testParameters.resultType,
        sortOrder: testParameters.sortOrder,
      })
      .from(reportValues)
      .innerJoin(testParameters, eq(testParameters.id, reportValues.parameterId))
      .where(inArray(reportValues.labReportId, ids)),
    db
      .select()
      .from(parameterRanges)
      .where(
        inArray(
          parameterRanges.parameterId,
          db.select({ id: reportValues.parameterId }).from(reportValues).where(inArray(reportValues.labReportId, ids)),
        ),
      ),
  ]);
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
