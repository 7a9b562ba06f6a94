import type { Kysely } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { defaultClaimDays, defaultValueCapFen } from '../../../domain/wishes/flow';
import { publicTextProblems } from '../../../domain/wishes/public-text';
import { fenToYuan } from '../../../domain/money';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import * as repo from './wishes.repo';

/** Rules the organizer and public sides share: settings in force, the public-text check, lazy lapsing of claims. */
export const today = (ctx: Pick<Ctx, 'now'>) => shanghaiDate(ctx.now());

export async function settingsAt(db: Kysely<DB>, orgId: string): Promise<{ valueCapFen: number; claimDays: number; fromOrgId: string | null }> {
  const s = await repo.nearestSettings(db, orgId);
  return s ? { valueCapFen: Number(s.value_cap_fen), claimDays: Number(s.claim_days), fromOrgId: s.org_id } : { valueCapFen: defaultValueCapFen, claimDays: defaultClaimDays, fromOrgId: null };
}

export async function assertUnderCap(db: Kysely<DB>, orgId: string, valueFen: number): Promise<void> {
  const { valueCapFen } = await settingsAt(db, orgId);
  if (valueFen > valueCapFen) {
    const message = `心愿价值不能超过本单位的上限 ${fenToYuan(valueCapFen)} 元`;
    throw new AppError('VALIDATION', message, [{ path: 'valueYuan', message }]);
  }
}

/** Refuses a title or story that would publish the beneficiary's name, a phone, an ID number, a school or an address. */
export async function assertPublicText(db: Kysely<DB>, personId: string, fields: { title: string; story: string }): Promise<void> {
  const person = await db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirstOrThrow();
  const problems = publicTextProblems({ title: fields.title, story: fields.story }, person.name);
  if (problems.length) throw new AppError('VALIDATION', `心愿将公开显示，${problems[0].message}`, problems.map((p) => ({ path: p.field, message: p.message })));
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
