import type { Generated } from 'kysely';
/** Row types of the ledgers, targets and cases (the foundation's are in types.ts). */
/** Columns every ledger table shares. */
export interface LedgerColumns {
  note: string | null;
  natural_key: string;
  batch_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  delete_reason: string | null;
}
export interface ImportBatchTable {
  id: string;
  kind: string;
  org_id: string;
  filename: string;
  file_sha256: string;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  status: string;
  errors: string;
  created_by: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}
export interface CatalogItemTable {
  id: string;
  catalog: string;
  name: string;
  org_id: string;
  created_at: string;
}
export interface ActivityTable extends LedgerColumns {
  id: string;
  org_id: string;
  name: string;
  type: string;
  start_on: string;
  end_on: string | null;
  place: string | null;
  sessions: number;
  participants: number;
  target_groups: string;
}
export interface ActivityPartnerTable {
  activity_id: string;
  position: number;
  name: string;
  org_id: string | null;
}
export interface ActivityOutcomeTable {
  activity_id: string;
  name: string;
  value: number;
  unit: string;
}
export interface AssistanceTable extends LedgerColumns {
  id: string;
  org_id: string;
  person_id: string | null;
  household_id: string | null;
  program: string;
  form: string;
  amount_fen: number;
  goods: string | null;
  given_on: string;
  funder: string | null;
}
export interface LoanProductTable {
  id: string;
  org_id: string;
  name: string;
  rate_bp: number;
  subsidy_pct: number;
  term_months: number;
  created_at: string;
}
export interface LoanTable extends LedgerColumns {
  id: string;
  org_id: string;
  person_id: string;
  product_id: string | null;
  bank: string | null;
  principal_fen: number;
  term_months: number | null;
  rate_bp: number | null;
  subsidy_pct: number | null;
  disbursed_on: string | null;
  due_on: string | null;
  subsidy_fen: number;
  venture: string | null;
  status: string;
}
export interface LoanRepaymentTable {
  id: string;
  loan_id: string;
  paid_on: string;
  amount_fen: number;
  note: string | null;
  created_at: string;
}
export interface ContractTable extends LedgerColumns {
  id: string;
  org_id: string;
  enterprise: string;
  type: string;
  signed_on: string;
  expires_on: string | null;
  workers: number;
}
export interface AttachmentTable {
  id: string;
  entity: string;
  entity_id: string;
  org_id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  /** 1 when bytes and filename are encrypted (a confidential case's file) */
  sealed: Generated<number>;
  created_by: string | null;
  created_at: string;
}

export interface TargetTable {
  id: string;
  org_id: string;
  year: number;
  /** canonical `code{filters}` (formatMetricRef) */
  metric_ref: string;
  comparison: string;
  /** canonical decimal text, exact: '8000', '98.5' */
  target_value: string;
  title: string;
  parent_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CaseTable {
  id: string;
  org_id: string;
  kind: string;
  subkind: string | null;
  channel: string;
  confidential: number;
  summary: string;
  risk_level: string | null;
  warning_no: string | null;
  warning_on: string | null;
  status: string;
  handler_id: string | null;
  pending_to_org: string | null;
  registered_on: string;
  accepted_on: string | null;
  rejected_on: string | null;
  reject_reason: string | null;
  due_accept_on: string;
  due_handle_on: string | null;
  closed_on: string | null;
  outcome: string | null;
  outcome_text: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export interface CasePartyTable {
  id: string;
  case_id: string;
  position: number;
  person_id: string | null;
  role: string;
  name_if_unnamed: string | null;
}
export interface CaseEventTable {
  id: string;
  case_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  data: string;
}
export interface CaseFollowupTable {
  id: string;
  case_id: string;
  followed_on: string;
  followed_by: string;
  method: string;
  note: string | null;
  created_at: string;
}
export interface CaseTransferTable {
  id: string;
  case_id: string;
  from_org: string;
  to_org: string;
  status: string;
  from_status: string;
  note: string | null;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}
export interface CaseDeadlineTable {
  org_id: string;
  kind: string;
  accept_days: number;
  handle_days: number;
  updated_at: string;
}
