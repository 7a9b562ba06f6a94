/** Row types of the stored report templates (migration 2026-11-29T0300-report-templates). */
export interface ReportTemplateTable {
  id: string;
  org_id: string;
  name: string;
  /** annual | half-year | custom */
  kind: string;
  /** the current version's number (1, 2, …) */
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  /** the saver's display name as it was when saved */
  updated_by_name: string | null;
  updated_at: string;
  deleted_at: string | null;
}

/** One saved wording of a template; never changed once written. */
export interface ReportTemplateVersionTable {
  id: string;
  template_id: string;
  version: number;
  name: string;
  kind: string;
  body: string;
  note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}
