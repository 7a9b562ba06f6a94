/** Row types of one-time codes, public tokens and selections (评选表彰). */
export interface OtpCodeTable {
  id: string;
  phone_hash: string;
  purpose: string;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}
export interface PublicTokenTable {
  token_hash: string;
  purpose: string;
  voter_hash: string;
  phone_masked: string;
  created_at: string;
  expires_at: string;
}
export interface CampaignTable {
  id: string;
  org_id: string;
  name: string;
  kind: string;
  nominee_type: string;
  year: number;
  award_level: string;
  description: string | null;
  stage: string;
  voting_enabled: number;
  jury_enabled: number;
  jury_weight: number;
  winners_count: number;
  votes_per_day: number;
  votes_per_campaign: number;
  votes_per_address_hour: number;
  hide_results: number;
  publicity_days: number;
  publicity_from: string | null;
  publicity_to: string | null;
  awarded_on: string | null;
  /** instants the stage moved into and out of 投票 (null before migration 2026-11-29T1100, or not yet) */
  voting_opened_at?: string | null;
  voting_closed_at?: string | null;
  /** 投票开始/截止 set by the organizer (null before migration 2026-12-08T1300, or not set) */
  voting_starts_at?: string | null;
  voting_ends_at?: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface CampaignQuotaTable {
  campaign_id: string;
  org_id: string;
  quota: number;
  used: number;
}
export interface CampaignNominationTable {
  id: string;
  campaign_id: string;
  seq: number;
  nominating_org_id: string;
  nominee_type: string;
  person_id: string | null;
  household_id: string | null;
  unit_id: string | null;
  loan_id: string | null;
  public_name: string;
  deeds: string;
  status: string;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  winner: number;
  withdraw_reason: string | null;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  /** 公开展示名称 and the consent to publication: 'self' (本人) or 'guardian' (监护人), who recorded it and when */
  display_name?: string | null;
  publish_consent?: string | null;
  consent_recorded_by?: string | null;
  consent_recorded_at?: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface CampaignJuryScoreTable {
  nomination_id: string;
  juror_id: string;
  campaign_id: string;
  score: number;
  comment: string | null;
  updated_at: string;
}
export interface CampaignVoteTable {
  id: string;
  campaign_id: string;
  nomination_id: string;
  voter_hash: string;
  vote_day: string;
  vote_hour: number;
  address_hash: string;
  created_at: string;
  voided_at: string | null;
  void_reason: string | null;
  voided_by: string | null;
}
export interface CampaignVoterTallyTable {
  campaign_id: string;
  voter_hash: string;
  period: string;
  count: number;
}
export interface CampaignObjectionTable {
  id: string;
  campaign_id: string;
  nomination_id: string | null;
  content: string;
  address_hash: string;
  objector_hash: string | null;
  phone_masked: string | null;
  objector_name: string | null;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}
export interface CampaignHonourTable {
  id: string;
  campaign_id: string;
  nomination_id: string;
  nominee_type: string;
  person_id: string | null;
  household_id: string | null;
  loan_id: string | null;
  org_id: string;
  title: string;
  level: string;
  year: number;
  awarded_on: string;
  created_at: string;
}
