import { publicApi } from '../ui/http';

export interface PublicNominee {
  id: string;
  name: string;
  unit: string;
  deeds: string;
  /** the nominee's photo (consented nominees only), served without its metadata */
  photoUrl: string | null;
  votes: number | null;
  winner: boolean | null;
}
export interface PublicCampaign {
  id: string;
  name: string;
  kind: string;
  year: number;
  organizer: string;
  description: string | null;
  stage: string;
  stageLabel: string;
  nomineeTypeLabel: string;
  votingEnabled: boolean;
  votingOpen: boolean;
  /** off | pending | upcoming | open | ended, judged by the server's clock */
  votingPhase: 'off' | 'pending' | 'upcoming' | 'open' | 'ended';
  votingPhaseLabel: string;
  votingStartsAt: string | null;
  votingEndsAt: string | null;
  resultsVisible: boolean;
  votesPerDay: number;
  votesPerCampaign: number;
  objectionsOpen: boolean;
  publicity: { from: string | null; to: string | null } | null;
  awardedOn: string | null;
  nominees: PublicNominee[];
}
export interface VoteResult {
  nomineeId: string;
  nomineeName: string;
  remainingToday: number;
  remainingInCampaign: number;
}

const base = (id: string) => `/campaigns/${encodeURIComponent(id)}`;
export const getCampaign = (id: string) => publicApi<PublicCampaign>(base(id));
export const castVote = (id: string, nomineeId: string, token: string) => publicApi<VoteResult>(`${base(id)}/votes`, { method: 'POST', body: { nomineeId, token } });
export const sendObjection = (id: string, body: { nomineeId?: string; content: string; token: string; name?: string }) =>
  publicApi<{ message: string; phoneMasked: string }>(`${base(id)}/objections`, { method: 'POST', body });

export interface MyObjection {
  id: string;
  campaignId: string;
  campaignName: string;
  nomineeId: string | null;
  nomineeName: string | null;
  content: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
}
/** The caller's own objections and the answers: the token travels in a header, never in the URL. */
export const myObjections = (token: string) => publicApi<{ phoneMasked: string; items: MyObjection[] }>('/my-objections', { headers: { 'x-public-token': token } });
