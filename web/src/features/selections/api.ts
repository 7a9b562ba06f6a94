import { http, request } from '../../ui/http';

export type Stage = 'nomination' | 'review' | 'voting' | 'jury' | 'publicity' | 'awarded';
export type NomineeType = 'person' | 'household' | 'unit' | 'loan';

export interface CampaignListItem {
  id: string;
  name: string;
  kind: string;
  year: number;
  orgName: string;
  nomineeType: NomineeType;
  stage: Stage;
  stageLabel: string;
  createdAt: string;
}

export interface Campaign {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  kind: string;
  nomineeType: NomineeType;
  year: number;
  awardLevel: string;
  description: string | null;
  stage: Stage;
  stageLabel: string;
  nextStage: Stage | null;
  nextStageLabel: string | null;
  votingEnabled: boolean;
  juryEnabled: boolean;
  juryWeight: number;
  publicWeight: number;
  winnersCount: number;
  votesPerDay: number;
  votesPerCampaign: number;
  votesPerAddressHour: number;
  hideResults: boolean;
  publicityDays: number;
  /** 投票开始/截止 (ISO instants) and the vote's state judged by the server clock */
  votingStartsAt: string | null;
  votingEndsAt: string | null;
  votingPhase: 'off' | 'pending' | 'upcoming' | 'open' | 'ended';
  votingPhaseLabel: string;
  publicityFrom: string | null;
  publicityTo: string | null;
  awardedOn: string | null;
  quotas: { orgId: string; orgName: string; orgCode: string; quota: number; used: number }[];
  counts: { nominated: number; accepted: number; rejected: number; withdrawn: number; objections: number; unansweredObjections: number };
  canManage: boolean;
  publicPath: string | null;
}

export interface Nomination {
  id: string;
  code: string;
  nomineeType: NomineeType;
  name: string;
  publicName: string;
  deeds: string;
  /** 公开展示名称 and 同意公开 (本人/监护人) with who recorded it and when; shownName is what the public page shows */
  displayName: string | null;
  consent: Consent | null;
  consentLabel: string;
  consentRecordedBy: string | null;
  consentRecordedAt: string | null;
  child: boolean;
  shownName: string;
  photoId: string | null;
  nominatingOrgId: string;
  nominatingOrgName: string;
  status: 'nominated' | 'accepted' | 'rejected' | 'withdrawn';
  statusLabel: string;
  reviewReason: string | null;
  withdrawReason: string | null;
  withdrawnAt: string | null;
  winner: boolean;
  votes?: number;
  juryScore?: string;
  publicScore?: string;
  finalScore?: string;
  rank?: number;
  jurors?: number;
  myScore: number | null;
}

export interface Anomalies {
  totalVotes: number;
  voidedVotes: number;
  bursts: { minute: string; votes: number }[];
  addresses: { addressHash: string; votes: number; voters: number }[];
  nightVotes: number;
}

export interface Objection {
  id: string;
  nomineeId: string | null;
  nomineeName: string | null;
  content: string;
  createdAt: string;
  /** the objector's verified phone, masked (138****1234); null for objections filed before phones were required */
  phoneMasked: string | null;
  objectorName: string | null;
  answer: string | null;
  answeredAt: string | null;
}

export type Consent = 'self' | 'guardian';
export const consentOptions: { value: Consent | 'none'; label: string }[] = [
  { value: 'self', label: '本人已同意公开' },
  { value: 'guardian', label: '监护人已同意公开' },
  { value: 'none', label: '暂未取得同意（不进入公开投票、公示）' },
];

export const campaignKinds = ['最美家庭', '五好文明家庭', '巾帼文明岗', '巾帼建功标兵', '青年文明号', '工人先锋号', '技术能手', '十佳妇女小贷项目'];
export const nomineeTypeLabels: Record<NomineeType, string> = { person: '个人', household: '家庭', unit: '集体（组织）', loan: '贷款项目' };
export const stageOrder: Stage[] = ['nomination', 'review', 'voting', 'jury', 'publicity', 'awarded'];
export const stageLabels: Record<Stage, string> = { nomination: '提名', review: '审核', voting: '投票', jury: '评审', publicity: '公示', awarded: '表彰' };

const base = (id: string) => `/campaigns/${encodeURIComponent(id)}`;
export const campaignsApi = {
  list: () => http.get<{ items: CampaignListItem[] }>('/campaigns'),
  get: (id: string) => http.get<Campaign>(base(id)),
  create: (body: Record<string, unknown>) => http.post<Campaign>('/campaigns', body),
  update: (id: string, body: Record<string, unknown>) => http.patch<Campaign>(base(id), body),
  advance: (id: string, to: Stage) => http.post<Campaign>(`${base(id)}/advance`, { to }),
  nominations: (id: string) => http.get<{ canManage: boolean; items: Nomination[] }>(`${base(id)}/nominations`),
  nominate: (id: string, body: Record<string, unknown>) => http.post<{ id: string }>(`${base(id)}/nominations`, body),
  updatePublication: (id: string, nominationId: string, body: { displayName?: string | null; consent?: Consent | null; deeds?: string }) => http.patch<Nomination>(`${base(id)}/nominations/${nominationId}`, body),
  review: (id: string, nominationId: string, body: { decision: 'accept' | 'reject'; reason?: string }) => http.post(`${base(id)}/nominations/${nominationId}/review`, body),
  withdraw: (id: string, nominationId: string, reason: string) => http.post(`${base(id)}/nominations/${nominationId}/withdraw`, { reason }),
  score: (id: string, nominationId: string, body: { score: number; comment?: string }) => request('PUT', `${base(id)}/nominations/${nominationId}/score`, body),
  anomalies: (id: string) => http.get<Anomalies>(`${base(id)}/anomalies`),
  voidVotes: (id: string, body: { group: 'minute' | 'address' | 'night'; key?: string; reason: string }) => http.post<{ voided: number }>(`${base(id)}/votes/void`, body),
  objections: (id: string) => http.get<{ items: Objection[] }>(`${base(id)}/objections`),
  answer: (id: string, objectionId: string, answer: string) => http.post(`${base(id)}/objections/${objectionId}/answer`, { answer }),
};
