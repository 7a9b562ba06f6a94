import { http, type Page } from '../../ui/http';

export type StepState = 'done' | 'overdue' | 'pending' | 'not_required';

export interface TownshipProgress {
  orgId: string;
  orgName: string;
  found: number;
  high: number;
  medium: number;
  low: number;
  intervened: number;
  paired: number;
  overdue: number;
  completed: boolean;
  completedOn: string | null;
  reportedFound: number | null;
  canRecord: boolean;
  canReadChildren: boolean;
}

export interface ProgressTotal {
  found: number;
  high: number;
  medium: number;
  low: number;
  intervened: number;
  paired: number;
  overdue: number;
  completed: boolean;
  townships: number;
  completedTownships: number;
}

export interface Screening {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  year: number;
  startOn: string;
  endOn: string;
  interveneDays: number;
  pairDays: number;
  today: string;
  townships: TownshipProgress[];
  total: ProgressTotal;
}

/** A child as lists show it: the name masked (王**). */
export interface ScreenedChild {
  id: string;
  screeningId: string;
  orgId: string;
  orgName: string;
  name: string;
  gender: string | null;
  age: number | null;
  guardian: string;
  factors: string[];
  suggestedLevel: string;
  riskLevel: string;
  foundOn: string;
  dueInterveneOn: string | null;
  duePairOn: string | null;
  intervention: { kind: string | null; caseId: string | null; measure: string | null; on: string } | null;
  pairing: { helperName: string | null; helperOrgName: string | null; on: string; commitment?: string | null } | null;
  interventionState: StepState;
  pairingState: StepState;
  overdue: boolean;
}

export interface ScreenedChildDetail extends ScreenedChild {
  personId: string;
  idNumber: string | null;
  birthDate: string | null;
  overrideReason: string | null;
  notes: string | null;
}

export type ScreeningDetail = Screening & { overdueChildren: ScreenedChild[]; overdueCount: number };

export interface CreateScreeningInput {
  orgId?: string;
  title: string;
  year: number;
  startOn: string;
  endOn: string;
  interveneDays?: number;
  pairDays?: number;
  townshipIds?: string[];
}

export interface AddChildInput {
  orgId: string;
  person: { name: string; idNumber: string };
  guardian: string;
  factors: string[];
  riskLevel?: string;
  overrideReason?: string;
  notes?: string;
  foundOn?: string;
}

export const listScreenings = (q: { year?: number; page?: number }) => http.get<Page<Screening>>('/screenings', q);
export const createScreening = (body: CreateScreeningInput) => http.post<Screening>('/screenings', body);
export const getScreening = (id: string) => http.get<ScreeningDetail>(`/screenings/${id}`);
export const listScreenedChildren = (id: string, q: { orgId?: string; overdue?: string; page?: number; pageSize?: number }) =>
  http.get<Page<ScreenedChild> & { today: string }>(`/screenings/${id}/children`, q);
export const addScreenedChild = (id: string, body: AddChildInput) => http.post<ScreenedChildDetail>(`/screenings/${id}/children`, body);
export const getScreenedChild = (id: string) => http.get<ScreenedChildDetail>(`/screening-children/${id}`);
export const recordIntervention = (id: string, body: { mode: 'case' | 'measure'; summary?: string; measure?: string; on?: string }) =>
  http.post<ScreenedChildDetail>(`/screening-children/${id}/intervention`, body);
export const recordPairing = (id: string, body: { helperName?: string; helperOrgId?: string; commitment: string; on?: string }) => http.post<ScreenedChildDetail>(`/screening-children/${id}/pairing`, body);
export const completeTownship = (id: string, orgId: string, found: number) => http.post<Screening>(`/screenings/${id}/townships/${orgId}/complete`, { found });
