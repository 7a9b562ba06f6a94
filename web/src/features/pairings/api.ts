import { http, type Page } from '../../ui/http';

export type PairingState = 'ended' | 'lapsed' | 'due_soon' | 'on_track';
export interface Pairing {
  id: string;
  orgId: string;
  orgName: string;
  helperKind: 'person' | 'unit';
  helperName: string;
  helperRole: string;
  helpedKind: 'person' | 'household';
  helpedName: string;
  helpedRole: string;
  commitmentKind: string;
  everyMonths: number;
  commitmentLabel: string;
  startedOn: string;
  lastVisitOn: string | null;
  nextDueOn: string;
  state: PairingState;
  stateLabel: string;
  daysOverdue: number;
  endedOn: string | null;
  endReason: string | null;
  note: string | null;
}
export interface PairingDetail extends Pairing {
  visits: { id: string; visitedOn: string; kind: string; note: string | null; visitedBy: string }[];
}
export interface PairingBody {
  orgId?: string;
  helperKind: 'person' | 'unit';
  helperPersonId?: string;
  helperOrgId?: string;
  helperRole: string;
  helpedKind: 'person' | 'household';
  helpedPersonId?: string;
  helpedHouseholdId?: string;
  helpedRole: string;
  commitmentKind: string;
  everyMonths: number;
  startedOn: string;
  note?: string;
}

export const listPairings = (q: Record<string, string | number | undefined>) => http.get<Page<Pairing> & { lapsedTotal: number; today: string }>('/pairings', q);
export const getPairing = (id: string) => http.get<PairingDetail>(`/pairings/${id}`);
export const createPairing = (body: PairingBody) => http.post<Pairing>('/pairings', body);
export const updatePairing = (id: string, body: { endedOn?: string; endReason?: string; everyMonths?: number; commitmentKind?: string }) => http.patch<PairingDetail>(`/pairings/${id}`, body);
export const addVisit = (id: string, body: { visitedOn: string; kind: string; note?: string; visitedBy?: string }) => http.post<PairingDetail>(`/pairings/${id}/visits`, body);
