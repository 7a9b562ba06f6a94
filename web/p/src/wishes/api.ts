import { publicApi, PublicApiError } from '../ui/http';

/** The micro-wish board's calls (/api/public/wishes, /claim, /my-claims). */
export interface PublicWish {
  id: string;
  maskedName: string;
  kind: string;
  title: string;
  story: string;
  valueYuan: number;
  unitName: string;
  status: 'published' | 'claimed' | 'delivered' | 'fulfilled';
  statusLabel: string;
  publishedOn: string | null;
  claimedOn: string | null;
  fulfilledOn: string | null;
  claimDays?: number;
}
export interface WishBoard {
  items: PublicWish[];
  total: number;
  page: number;
  pageSize: number;
  units: { id: string; name: string }[];
}
export interface MyClaim {
  wishId: string;
  maskedName: string;
  title: string;
  valueYuan: number;
  unitName: string;
  claimedOn: string;
  dueOn: string;
  outcome: string;
  outcomeLabel: string;
  wishStatusLabel: string | null;
  deliveredOn: string | null;
}

export function listWishes(q: Record<string, string | number | undefined>): Promise<WishBoard> {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') s.set(k, String(v));
  return publicApi<WishBoard>(`/wishes${s.size ? `?${s.toString()}` : ''}`);
}

export const getWish = (id: string) => publicApi<PublicWish>(`/wishes/${encodeURIComponent(id)}`);

export const claimWish = (id: string, token: string) =>
  publicApi<{ wish: PublicWish; claim: { claimedOn: string; dueOn: string; phoneMasked: string } }>(`/wishes/${encodeURIComponent(id)}/claim`, { method: 'POST', body: { token } });

/** The token travels in a header, never in the address (addresses end up in logs). */
export const myClaims = (token: string) => publicApi<{ phoneMasked: string; items: MyClaim[] }>('/my-claims', { headers: { 'x-public-token': token } });

export const yuan = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(2)} 元`;
