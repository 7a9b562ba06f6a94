import type { WishAction, WishStatus } from '../../../../src/domain/wishes/flow';
import { http, type Page, request } from '../../ui/http';

export interface Wish {
  id: string;
  code: string | null;
  orgId: string;
  orgName: string;
  personId: string;
  personName: string;
  maskedName: string;
  beneficiaryKind: string;
  title: string;
  story: string;
  valueYuan: number;
  status: WishStatus;
  statusLabel: string;
  allowedActions: WishAction[];
  rejectReason: string | null;
  publishedOn: string | null;
  claimedOn: string | null;
  deliveredOn: string | null;
  deliveryNote: string | null;
  fulfilledOn: string | null;
  createdAt: string;
}
export interface WishPublicFinding {
  field: 'title' | 'story' | string;
  kind: string;
  found: string;
  start: number;
  end: number;
  message: string;
}
/** What the public page will show, and the personal data found in it (publicPreview of the detail). */
export interface WishPublicPreview {
  card: { id: string; maskedName: string; kind: string; title: string; story: string; valueYuan: number; unitName: string; status: string; statusLabel: string };
  findings: WishPublicFinding[];
}
export interface WishDetail extends Wish {
  publicPreview: WishPublicPreview;
  /** donorName: the name the donor left for the thank-you, or 爱心人士（匿名） */
  claim: { phoneMasked: string; donorName: string; claimedOn: string; dueOn: string } | null;
  claims: { id: string; phoneMasked: string; donorName: string; claimedOn: string; dueOn: string; outcome: string; endedOn: string | null }[];
  photos: number;
}
export interface WishBody {
  orgId?: string;
  personId: string;
  beneficiaryKind: string;
  title: string;
  story: string;
  valueYuan: number;
}
/** The delivery point donors bring gifts to (shown on the public wish page). */
export interface WishDeliveryPoint {
  deliveryAddress: string | null;
  deliveryPhone: string | null;
  deliveryHours: string | null;
}
export interface WishSettings extends WishDeliveryPoint {
  orgId: string;
  valueCapYuan: number;
  claimDays: number;
  inheritedFrom: string | null;
  inheritedFromName: string | null;
}

export const listWishes = (q: Record<string, string | number | undefined>) => http.get<Page<Wish> & { byStatus: Record<WishStatus, number> }>('/wishes', q);
export const getWish = (id: string) => http.get<WishDetail>(`/wishes/${id}`);
export const createWish = (body: WishBody) => http.post<Wish>('/wishes', body);
export const transitionWish = (id: string, body: { action: WishAction; reason?: string; note?: string; deliveredOn?: string }) => http.post<WishDetail>(`/wishes/${id}/transitions`, body);
export const getWishSettings = (orgId?: string) => http.get<WishSettings>('/wish-settings', { orgId });
export const setWishSettings = (body: { orgId?: string; valueCapYuan: number; claimDays: number } & Partial<WishDeliveryPoint>) => request<WishSettings>('PUT', '/wish-settings', body);
