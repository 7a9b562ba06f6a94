import type { CaseAction, CaseStatus } from '../../../../src/domain/cases/flow';
import { http, type Page } from '../../ui/http';

/** Cases (个案): `/api/v1/cases`. Names of children arrive masked from the server (王**). */
export interface CaseParty {
  personId: string | null;
  role: string;
  name: string;
}

export interface Deadline {
  step: 'accept' | 'handle' | null;
  dueOn: string | null;
  state: 'overdue' | 'due_soon' | 'on_time' | 'none';
  daysLeft: number | null;
}

export interface CaseItem {
  id: string;
  orgId: string;
  orgName: string;
  kind: string;
  subkind: string | null;
  channel: string;
  confidential: boolean;
  summary: string | null;
  riskLevel: string | null;
  status: CaseStatus;
  handlerId: string | null;
  handlerName: string | null;
  pendingToOrgId: string | null;
  pendingToOrgName: string | null;
  registeredOn: string;
  acceptedOn: string | null;
  dueAcceptOn: string;
  dueHandleOn: string | null;
  closedOn: string | null;
  outcome: string | null;
  deadline: Deadline;
  allowedActions: CaseAction[];
  parties: CaseParty[];
}

export interface TimelineEntry {
  at: string;
  actor: string;
  /** the display name of who acted (系统 for a system step) */
  actorName: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  data: Record<string, unknown>;
}

export interface CaseDetail extends CaseItem {
  summary: string;
  warningNo: string | null;
  warningOn: string | null;
  rejectedOn: string | null;
  rejectReason: string | null;
  outcomeText: string | null;
  createdAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
  followups: { id: string; on: string; by: string; byName: string; method: string; note: string | null }[];
  transfers: { id: string; fromOrgId: string; fromOrgName: string; toOrgId: string; toOrgName: string; status: string; requestedAt: string; decidedAt: string | null; reason: string | null }[];
}

export interface CaseSummary {
  today: string;
  total: number;
  overdue: number;
  dueSoon: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
}

export interface PartyInput {
  personId?: string;
  name?: string;
  role: string;
}

export interface CaseInput {
  orgId?: string;
  kind: string;
  subkind?: string;
  channel: string;
  summary: string;
  riskLevel?: string;
  warningNo?: string;
  warningOn?: string;
  parties: PartyInput[];
}

export interface CaseEdit {
  subkind?: string | null;
  channel?: string;
  summary?: string;
  riskLevel?: string;
  warningNo?: string | null;
  warningOn?: string | null;
  parties?: PartyInput[];
}

export interface TransitionInput {
  action: Exclude<CaseAction, 'followup'>;
  reason?: string;
  handlerId?: string;
  toOrgId?: string;
  outcome?: string;
  outcomeText?: string;
  note?: string;
}

export type CaseQuery = Record<string, string | number | undefined>;

export const listCases = (q: CaseQuery) => http.get<Page<CaseItem> & { today: string }>('/cases', q);
/** The inbox's counts under the same filters as the list (each facet ignores only its own filter). */
export const caseFacets = (q: CaseQuery) => http.get<CaseSummary>('/cases/facets', q);
export const getCase = (id: string) => http.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`);
export const createCase = (body: CaseInput) => http.post<CaseItem>('/cases', body);
export const updateCase = (id: string, body: CaseEdit) => http.patch<CaseItem>(`/cases/${encodeURIComponent(id)}`, body);
export const transitionCase = (id: string, body: TransitionInput) => http.post<CaseItem>(`/cases/${encodeURIComponent(id)}/transitions`, body);
export const addFollowup = (id: string, body: { on?: string; method: string; note?: string }) => http.post<CaseItem>(`/cases/${encodeURIComponent(id)}/followups`, body);
export const handlerOptions = (id: string) =>
  http.get<{ items: { id: string; displayName: string; username: string; orgName: string }[] }>(`/cases/${encodeURIComponent(id)}/handler-options`);
export const transferOptions = (id: string) => http.get<{ items: { id: string; name: string; code: string }[] }>(`/cases/${encodeURIComponent(id)}/transfer-options`);
