// Addresses of the compliance page and its export: the URL is the page's state.
export interface ComplianceParams {
  from: string;
  to: string;
  department_id?: number;
  group_by?: string;
}

function search(p: ComplianceParams): string {
  const q = new URLSearchParams({ from: p.from, to: p.to });
  if (p.department_id) q.set("department_id", String(p.department_id));
  if (p.group_by) q.set("group_by", p.group_by);
  return q.toString();
}

export const complianceHref = (p: ComplianceParams) => `/compliance?${search(p)}`;
export const complianceExportHref = (p: ComplianceParams) => `/api/compliance/export?${search(p)}`;
