/** Row types of the child screening campaigns (摸底排查). */
export interface ScreeningTable {
  id: string;
  org_id: string;
  title: string;
  year: number;
  start_on: string;
  end_on: string;
  intervene_days: number;
  pair_days: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface ScreeningTownshipTable {
  screening_id: string;
  org_id: string;
  completed_on: string | null;
  reported_found: number | null;
  completed_by: string | null;
}
export interface ScreeningChildTable {
  id: string;
  screening_id: string;
  org_id: string;
  person_id: string;
  guardian: string;
  factors: string;
  suggested_level: string;
  risk_level: string;
  override_reason: string | null;
  notes: string | null;
  found_on: string;
  due_intervene_on: string | null;
  due_pair_on: string | null;
  intervention_kind: string | null;
  case_id: string | null;
  intervention_measure: string | null;
  intervened_on: string | null;
  helper_name: string | null;
  helper_person_id: string | null;
  helper_org_id: string | null;
  pair_commitment: string | null;
  paired_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
