import type { LoanStatus } from '../../../../src/domain/ledgers/catalogs';
import { http, request, toQuery, type Page } from '../../ui/http';

/** The four ledgers; each is `/api/v1/<ledger>` (docs/api/ledgers.md). */
export type LedgerName = 'activities' | 'assistance' | 'loans' | 'contracts';

interface RecordBase {
  id: string;
  orgId: string;
  orgName: string | null;
  note: string | null;
  batchId: string | null;
  /** the detail only: the import that wrote the record, by 导入批次 number and file name */
  batch?: { number: string; filename: string } | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
}

export interface Outcome {
  name: string;
  value: number;
  unit: string;
}

export interface Activity extends RecordBase {
  name: string;
  type: string;
  startOn: string;
  endOn: string | null;
  place: string | null;
  sessions: number;
  participants: number;
  targetGroups: string[];
  partners: { name: string; orgId: string | null }[];
  outcomes: Outcome[];
}

export interface DuplicateWarning {
  code: 'DUPLICATE_ASSISTANCE' | string;
  message: string;
  others?: { id: string; orgName: string | null; givenOn: string }[];
}

export interface Assistance extends RecordBase {
  personId: string | null;
  personName: string | null;
  personIdNumber: string | null;
  householdId: string | null;
  program: string;
  form: string;
  amountFen: number | null;
  amountYuan: string | null;
  goods: string | null;
  givenOn: string;
  funder: string | null;
  warnings?: DuplicateWarning[];
}

export interface Repayment {
  id: string;
  paidOn: string;
  amountFen: number;
  amountYuan?: string;
}

export interface Loan extends RecordBase {
  personId: string;
  personName: string | null;
  personIdNumber: string | null;
  bank: string | null;
  principalFen: number;
  principalWan: number;
  termMonths: number | null;
  ratePct: number | null;
  subsidyPct: number | null;
  disbursedOn: string | null;
  dueOn: string | null;
  subsidyFen: number | null;
  subsidyYuan: string | null;
  venture: string | null;
  status: LoanStatus;
  repayments: Repayment[];
  /** The repayments' total, as the server summed it. */
  repaidFen?: number;
}

export interface Contract extends RecordBase {
  enterprise: string;
  type: string;
  signedOn: string;
  expiresOn: string | null;
  workers: number;
}

export interface LedgerRecords {
  activities: Activity;
  assistance: Assistance;
  loans: Loan;
  contracts: Contract;
}

/** List filters exactly as the URL carries them; `page`/`pageSize` are left out of exports. */
export type ListQuery = Record<string, string | number | undefined>;

const byId = (ledger: LedgerName, id: string) => `/${ledger}/${encodeURIComponent(id)}`;

export const listLedger = <L extends LedgerName>(ledger: L, q: ListQuery) => http.get<Page<LedgerRecords[L]>>(`/${ledger}`, q);
export const getRecord = <L extends LedgerName>(ledger: L, id: string) => http.get<LedgerRecords[L]>(byId(ledger, id));
export const createRecord = <L extends LedgerName>(ledger: L, body: object) => http.post<LedgerRecords[L]>(`/${ledger}`, body);
export const updateRecord = <L extends LedgerName>(ledger: L, id: string, body: object) => http.patch<LedgerRecords[L]>(byId(ledger, id), body);
export const deleteRecord = (ledger: LedgerName, id: string, reason: string) => request<void>('DELETE', byId(ledger, id), { reason });

/** The xlsx of exactly the list on screen: same filters, no paging. */
export function exportUrl(path: string, q: ListQuery): string {
  const rest = Object.fromEntries(Object.entries(q).filter(([k]) => k !== 'page' && k !== 'pageSize'));
  return `/api/v1${path}/export${toQuery(rest)}`;
}

export const changeLoanStatus = (id: string, status: LoanStatus, on?: string) =>
  http.post<Loan>(`${byId('loans', id)}/status`, on ? { status, on } : { status });
export const addRepayment = (id: string, body: { paidOn: string; amountYuan: string }) =>
  http.post<Loan | Repayment>(`${byId('loans', id)}/repayments`, body);

export type CatalogName = 'activity_type' | 'assistance_program' | 'funder';
type CatalogEntry = string | { name: string; builtin?: boolean; orgId?: string | null };

/** Built-ins plus the unit's and its ancestors' own entries. */
export async function listCatalog(catalog: CatalogName, orgId?: string): Promise<string[]> {
  const res = await http.get<{ items: CatalogEntry[] }>(`/catalogs/${catalog}`, { orgId });
  return res.items.map((e) => (typeof e === 'string' ? e : e.name));
}
export const addCatalogEntry = (catalog: CatalogName, name: string, orgId?: string) =>
  http.post<unknown>(`/catalogs/${catalog}`, orgId ? { name, orgId } : { name });
