import { http, type Page } from '../../ui/http';

export interface Team {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  description: string | null;
  memberCount: number;
  confirmedHours: number;
}
export interface Member {
  personId: string;
  name: string;
  gender: string | null;
  phone: string | null;
  joinedOn: string;
  confirmedHours: number;
}
export interface Service {
  id: string;
  teamId: string;
  teamName: string;
  personId: string;
  personName: string;
  servedOn: string;
  hours: number;
  activity: string;
  status: 'pending' | 'confirmed';
  statusLabel: string;
  confirmedBy: string | null;
}
export interface VolunteerHours {
  confirmedHours: number;
  pendingHours: number;
  byTeamYear: { year: number; teamId: string; teamName: string; confirmedHours: number; pendingHours: number; records: number }[];
}

export const listTeams = (q: Record<string, string | number | undefined>) => http.get<Page<Team>>('/volunteer-teams', q);
export const createTeam = (body: { orgId?: string; name: string; description?: string }) => http.post<Team>('/volunteer-teams', body);
export const listMembers = (teamId: string) => http.get<{ items: Member[] }>(`/volunteer-teams/${teamId}/members`);
export const addMember = (teamId: string, body: { personId: string; joinedOn?: string }) => http.post<{ items: Member[] }>(`/volunteer-teams/${teamId}/members`, body);
export const listServices = (q: Record<string, string | number | undefined>) => http.get<Page<Service> & { confirmedHours: number }>('/volunteer-services', q);
export const createService = (body: { teamId: string; personId: string; servedOn: string; hours: number; activity: string }) => http.post<Service>('/volunteer-services', body);
export const confirmService = (id: string) => http.post<Service>(`/volunteer-services/${id}/confirm`);
export const volunteerHours = (personId: string) => http.get<VolunteerHours>(`/people/${personId}/volunteer-hours`);
