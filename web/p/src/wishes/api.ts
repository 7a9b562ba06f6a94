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
  /** once claimed: the name the donor left, or 爱心人士（匿名）; never a phone */
  donorName: string | null;
}
/** Where a donor brings the gift: the collecting unit's delivery point (its own, else its nearest ancestor's). */
export interface DeliveryPoint {
  unitName: string;
  address: string | null;
  phone: string | null;
  hours: string | null;
}
export interface PublicWishDetail extends PublicWish {
  claimDays: number;
  deliveryPoint: DeliveryPoint;
}
export interface ClaimDone {
  claimedOn: string;
  dueOn: string;
  phoneMasked: string;
  donorName: string;
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

export const getWish = (id: string) => publicApi<PublicWishDetail>(`/wishes/${encodeURIComponent(id)}`);

/** The confirmed claim (verifying the phone alone claims nothing); donorName empty = 匿名. */
export const claimWish = (id: string, token: string, donorName: string) =>
  publicApi<{ wish: PublicWishDetail; claim: ClaimDone }>(`/wishes/${encodeURIComponent(id)}/claim`, { method: 'POST', body: { token, donorName } });

/** The token travels in a header, never in the address (addresses end up in logs). */
export const myClaims = (token: string) => publicApi<{ phoneMasked: string; items: MyClaim[] }>('/my-claims', { headers: { 'x-public-token': token } });

export const yuan = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(2)} 元`;
