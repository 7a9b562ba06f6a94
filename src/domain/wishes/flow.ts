import { addDays } from '../cases/deadlines';

/**
 * Micro-wishes (微心愿): submitted by a unit → reviewed (approve / reject with a reason) → published
 * with a code and a masked name → claimed by one donor with a verified phone → delivered by staff
 * with evidence (a photo) → confirmed (fulfilled). A claim not delivered within the unit's claim
 * days lapses and the wish is published again; staff may also release a claim.
 */
/** Whose wish it is. */
export const wishBeneficiaryKinds = ['儿童', '老人', '妇女'] as const;

export const wishStatuses = ['submitted', 'approved', 'rejected', 'published', 'claimed', 'delivered', 'fulfilled', 'withdrawn'] as const;
export type WishStatus = (typeof wishStatuses)[number];
export const wishStatusLabels: Record<WishStatus, string> = {
  submitted: '待审核', approved: '已通过', rejected: '未通过', published: '待认领', claimed: '已认领', delivered: '已送达', fulfilled: '已圆梦', withdrawn: '已撤回',
};
/** Statuses a public page may show. */
export const publicWishStatuses = ['published', 'claimed', 'delivered', 'fulfilled'] as const satisfies readonly WishStatus[];

export const wishActions = ['approve', 'reject', 'publish', 'release', 'deliver', 'confirm', 'withdraw'] as const;
export type WishAction = (typeof wishActions)[number];
export const wishActionLabels: Record<WishAction, string> = {
  approve: '审核通过', reject: '退回', publish: '发布', release: '解除认领', deliver: '登记送达', confirm: '确认圆梦', withdraw: '撤回',
};

const moves: Record<WishAction, { from: readonly WishStatus[]; to: WishStatus }> = {
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  publish: { from: ['approved'], to: 'published' },
  release: { from: ['claimed'], to: 'published' },
  deliver: { from: ['claimed'], to: 'delivered' },
  confirm: { from: ['delivered'], to: 'fulfilled' },
  withdraw: { from: ['submitted', 'approved', 'published'], to: 'withdrawn' },
};

export function isWishStatus(s: string): s is WishStatus {
  return (wishStatuses as readonly string[]).includes(s);
}

export function allowedWishActions(status: WishStatus): WishAction[] {
  return wishActions.filter((a) => moves[a].from.includes(status));
}

export function nextWishStatus(status: WishStatus, action: WishAction): { ok: true; to: WishStatus } | { ok: false; message: string } {
  if (moves[action].from.includes(status)) return { ok: true, to: moves[action].to };
  const allowed = allowedWishActions(status).map((a) => wishActionLabels[a]);
  return { ok: false, message: `心愿当前状态为“${wishStatusLabels[status]}”，不能“${wishActionLabels[action]}”${allowed.length ? `；可进行的操作：${allowed.join('、')}` : ''}` };
}

/** WX-2026-000123: the year of publication and a county-wide running number. */
export function wishCode(year: number, n: number): string {
  return `WX-${year}-${String(n).padStart(6, '0')}`;
}

/** Defaults when neither the unit nor an ancestor sets its own (wish_settings). */
export const defaultValueCapFen = 20_000; // 200 元
export const defaultClaimDays = 15;

/** The last day a claim made on `claimedOn` may stay undelivered; it lapses the day after. */
export function claimDueOn(claimedOn: string, claimDays: number): string {
  return addDays(claimedOn, claimDays);
}

export function claimLapsed(dueOn: string, today: string): boolean {
  return today > dueOn;
}
