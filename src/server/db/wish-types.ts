/** Row types of pairings (结对帮扶), volunteers (志愿服务) and micro-wishes (微心愿). */
export interface PairingTable {
  id: string;
  org_id: string;
  helper_kind: string;
  helper_person_id: string | null;
  helper_org_id: string | null;
  helper_role: string;
  helped_kind: string;
  helped_person_id: string | null;
  helped_household_id: string | null;
  helped_role: string;
  commitment_kind: string;
  every_months: number;
  started_on: string;
  last_visit_on: string | null;
  next_due_on: string;
  ended_on: string | null;
  end_reason: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export interface PairingVisitTable {
  id: string;
  pairing_id: string;
  visited_on: string;
  kind: string;
  note: string | null;
  visited_by: string;
  created_by: string | null;
  created_at: string;
}
export interface VolunteerTeamTable {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}
export interface VolunteerMemberTable {
  team_id: string;
  person_id: string;
  joined_on: string;
  created_at: string;
}
export interface VolunteerServiceTable {
  id: string;
  team_id: string;
  person_id: string;
  served_on: string;
  hours_tenths: number;
  activity: string;
  status: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  created_by: string | null;
  created_at: string;
}
export interface WishTable {
  id: string;
  org_id: string;
  code: string | null;
  person_id: string;
  beneficiary_kind: string;
  masked_name: string;
  title: string;
  story: string;
  value_fen: number;
  status: string;
  reject_reason: string | null;
  published_on: string | null;
  claim_id: string | null;
  claimed_on: string | null;
  delivered_on: string | null;
  delivery_note: string | null;
  fulfilled_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export interface WishClaimTable {
  id: string;
  wish_id: string;
  donor_hash: string;
  phone_masked: string;
  claimed_at: string;
  claimed_on: string;
  due_on: string;
  outcome: string;
  ended_on: string | null;
  /** the name the donor chose for the thank-you; null = 匿名 */
  donor_name: string | null;
}
export interface WishSettingTable {
  org_id: string;
  value_cap_fen: number;
  claim_days: number;
  /** the delivery point donors bring gifts to (null = not set at this unit) */
  delivery_address: string | null;
  delivery_phone: string | null;
  delivery_hours: string | null;
  updated_at: string;
}
export interface WishCodeCounterTable {
  year: number;
  last: number;
}
