import type { Generated, Selectable } from 'kysely';
import type {
  ImportBatchTable,
  CatalogItemTable,
  ActivityTable,
  ActivityPartnerTable,
  ActivityOutcomeTable,
  AssistanceTable,
  LoanProductTable,
  LoanTable,
  LoanRepaymentTable,
  ContractTable,
  AttachmentTable,
  TargetTable,
  CaseTable,
  CasePartyTable,
  CaseEventTable,
  CaseFollowupTable,
  CaseTransferTable,
  CaseDeadlineTable,
} from './ledger-types';

export type * from './ledger-types';
import type { ScreeningTable, ScreeningTownshipTable, ScreeningChildTable } from './screening-types';
export type * from './screening-types';
import type { PairingTable, PairingVisitTable, VolunteerTeamTable, VolunteerMemberTable, VolunteerServiceTable, WishTable, WishClaimTable, WishSettingTable, WishCodeCounterTable } from './wish-types';
export type * from './wish-types';
import type { DigestDeliveryTable, DigestRunTable, UserNotifySettingTable } from './todo-types';
export type * from './todo-types';
import type { BatchActionItemTable, BatchActionTable } from './batch-action-types';
export type * from './batch-action-types';
import type { OtpCodeTable, PublicTokenTable, CampaignTable, CampaignQuotaTable, CampaignNominationTable, CampaignJuryScoreTable, CampaignVoteTable, CampaignVoterTallyTable, CampaignObjectionTable, CampaignHonourTable } from './selection-types';
export type * from './selection-types';
import type { ReportTemplateTable, ReportTemplateVersionTable } from './report-template-types';
export type * from './report-template-types';
import type { NoticeTable, NoticeRecipientTable } from './notice-types';
export type * from './notice-types';

/** Row types as stored. Ids are text (UUIDv7), instants ISO-8601 UTC text, dates YYYY-MM-DD, booleans 0/1. */
export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  parent_id: string | null;
  division_code: string | null;
  established_on: string | null;
  dissolved_on: string | null;
  sort_order: Generated<number>;
  created_at: string;
  updated_at: string;
}
export interface OrgClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}
export interface DesignationTable {
  id: string;
  org_id: string;
  title: string;
  level: string;
  year: number;
  awarded_on: string | null;
  note: string | null;
  created_at: string;
}
export interface CategoryDefTable {
  name: string;
  builtin: Generated<number>;
  org_id: string | null;
  created_at: string;
}
export interface PersonTable {
  id: string;
  name: string;
  id_index: string;
  id_cipher: string;
  id_masked: string;
  birth_date: string;
  gender: string;
  phone_cipher: string | null;
  phone_masked: string | null;
  ethnicity: string | null;
  address_cipher: string | null;
  note: string | null;
  org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  batch_id: string | null;
}
export interface PersonOrgTable {
  person_id: string;
  org_id: string;
  created_at: string;
}
export interface PersonCategoryTable {
  person_id: string;
  category: string;
  org_id: string;
  created_at: string;
}
export interface HouseholdTable {
  id: string;
  org_id: string;
  head_person_id: string | null;
  name: string;
  address_cipher: string | null;
  categories: Generated<string>;
  created_at: string;
  updated_at: string;
  lifted_on: string | null;
  batch_id: string | null;
}
export interface HouseholdMemberTable {
  household_id: string;
  person_id: string;
  relation: string;
}
export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: Generated<number>;
  must_change_password: Generated<number>;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface UserGrantTable {
  id: string;
  user_id: string;
  role: string;
  org_id: string | null;
  created_at: string;
}
export interface SessionTable {
  id: string;
  token_hash: string;
  csrf_hash: string;
  user_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}
export interface RateBucketTable {
  key: string;
  window_start: string;
  count: number;
}
export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  org_id: string | null;
  ip: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** the chain's hash: 'hmac-sha256-v1' (keyed), 'sha256' (a chain from before keying, re-keyed at start) */
  scheme: string;
}
export interface SettingTable {
  key: string;
  value: string;
}

/** Per-table write counters kept by database triggers (migration 2026-11-29T0800); see db/count-cache.ts. */
export interface DataVersionTable {
  name: string;
  version: number | string;
}

export interface DB {
  import_batches: ImportBatchTable;
  catalog_items: CatalogItemTable;
  activities: ActivityTable;
  activity_partners: ActivityPartnerTable;
  activity_outcomes: ActivityOutcomeTable;
  assistance: AssistanceTable;
  loan_products: LoanProductTable;
  loans: LoanTable;
  loan_repayments: LoanRepaymentTable;
  contracts: ContractTable;
  cases: CaseTable;
  case_parties: CasePartyTable;
  case_events: CaseEventTable;
  case_followups: CaseFollowupTable;
  case_transfers: CaseTransferTable;
  case_deadlines: CaseDeadlineTable;
  attachments: AttachmentTable;
  org_units: OrgUnitTable;
  org_closure: OrgClosureTable;
  designations: DesignationTable;
  category_defs: CategoryDefTable;
  people: PersonTable;
  person_orgs: PersonOrgTable;
  person_categories: PersonCategoryTable;
  households: HouseholdTable;
  household_members: HouseholdMemberTable;
  users: UserTable;
  user_grants: UserGrantTable;
  sessions: SessionTable;
  rate_buckets: RateBucketTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  settings: SettingTable;
  data_versions: DataVersionTable;
  targets: TargetTable;
  screenings: ScreeningTable;
  screening_townships: ScreeningTownshipTable;
  screening_children: ScreeningChildTable;
  pairings: PairingTable;
  pairing_visits: PairingVisitTable;
  volunteer_teams: VolunteerTeamTable;
  volunteer_members: VolunteerMemberTable;
  volunteer_services: VolunteerServiceTable;
  wishes: WishTable;
  wish_claims: WishClaimTable;
  wish_settings: WishSettingTable;
  wish_code_counters: WishCodeCounterTable;
  otp_codes: OtpCodeTable;
  public_tokens: PublicTokenTable;
  campaigns: CampaignTable;
  campaign_quotas: CampaignQuotaTable;
  campaign_nominations: CampaignNominationTable;
  campaign_jury_scores: CampaignJuryScoreTable;
  campaign_votes: CampaignVoteTable;
  campaign_voter_tallies: CampaignVoterTallyTable;
  campaign_objections: CampaignObjectionTable;
  campaign_honours: CampaignHonourTable;
  report_templates: ReportTemplateTable;
  report_template_versions: ReportTemplateVersionTable;
  user_notify_settings: UserNotifySettingTable;
  digest_runs: DigestRunTable;
  digest_deliveries: DigestDeliveryTable;
  notices: NoticeTable;
  notice_recipients: NoticeRecipientTable;
  batch_actions: BatchActionTable;
  batch_action_items: BatchActionItemTable;
}

export type OrgUnit = Selectable<OrgUnitTable>;
export type Person = Selectable<PersonTable>;
export type User = Selectable<UserTable>;
