import type { Kysely } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { defaultClaimDays, defaultValueCapFen } from '../../../domain/wishes/flow';
import { fenToYuan } from '../../../domain/money';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import * as repo from './wishes.repo';

/** Rules the organizer and public sides share: settings in force, lazy lapsing of claims (the public-text check: wishes.public-text.ts). */
export const today = (ctx: Pick<Ctx, 'now'>) => shanghaiDate(ctx.now());

export interface DeliveryPoint {
  address: string | null;
  phone: string | null;
  hours: string | null;
}
export interface WishSettingsInForce {
  valueCapFen: number;
  claimDays: number;
  delivery: DeliveryPoint;
  fromOrgId: string | null;
}

/** The settings in force at a unit: its own, else its nearest ancestor's, else the defaults (no delivery point). */
export async function settingsAt(db: Kysely<DB>, orgId: string): Promise<WishSettingsInForce> {
  const s = await repo.nearestSettings(db, orgId);
  if (!s) return { valueCapFen: defaultValueCapFen, claimDays: defaultClaimDays, delivery: { address: null, phone: null, hours: null }, fromOrgId: null };
  return {
    valueCapFen: Number(s.value_cap_fen), claimDays: Number(s.claim_days),
    delivery: { address: s.delivery_address, phone: s.delivery_phone, hours: s.delivery_hours }, fromOrgId: s.org_id,
  };
}

export async function assertUnderCap(db: Kysely<DB>, orgId: string, valueFen: number): Promise<void> {
  const { valueCapFen } = await settingsAt(db, orgId);
  if (valueFen > valueCapFen) {
    const message = `心愿价值不能超过本单位的上限 ${fenToYuan(valueCapFen)} 元`;
    throw new AppError('VALIDATION', message, [{ path: 'valueYuan', message }]);
  }
}

/**
 * Lapses claims whose last day has passed without delivery: the claim ends as `lapsed` and the wish
 * is published again. Applied lazily (on every read and claim, with the injected clock) so no timer
 * is needed; each lapse is one conditional update, so concurrent readers lapse a claim once.
 */
export async function applyLapses(ctx: Ctx, wishId?: string): Promise<number> {
  const day = today(ctx);
  const due = await repo.overdueClaims(ctx.db, day, wishId);
  let lapsed = 0;
  for (const c of due) {
    await inTransaction(ctx, async (tx) => {
      if (!(await repo.endClaim(tx.db, c.claim_id, 'lapsed', day))) return;
      await repo.updateWishIf(tx.db, c.wish_id, 'claimed', { status: 'published', claim_id: null, claimed_on: null, updated_at: nowIso(tx) });
      await appendAudit(tx, { action: 'lapse_claim', entity: 'wish', entityId: c.wish_id, orgId: c.org_id, detail: { claimId: c.claim_id, dueOn: c.due_on } });
      lapsed += 1;
    });
  }
  return lapsed;
}

export const newClaimId = () => newId();
