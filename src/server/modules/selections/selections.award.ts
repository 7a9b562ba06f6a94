import { newId } from '../../../domain/ids';
import type { DesignationLevel } from '../../../domain/org';
import { actorName, type Ctx, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { addDesignation } from '../orgs/designations.service';
import type * as repo from './selections.repo';

/**
 * 表彰: the winners fixed at 公示 receive the campaign's title at its level and year. A unit becomes
 * the holder of a designation through the orgs service (so orgs.count{designation=…}, orgs.rate and
 * designations.* count it); a person, household or loan project gets an honour row of its own here
 * (the designation metrics are about units, so these are not counted there).
 */
export async function awardWinners(ctx: Ctx, c: repo.CampaignRow & { awarded_on: string }): Promise<{ designations: number; honours: number }> {
  const winners = await ctx.db.selectFrom('campaign_nominations').selectAll().where('campaign_id', '=', c.id).where('winner', '=', 1).where('status', '=', 'accepted').orderBy('seq').execute();
  // the organizer's staff award the title; the designation is written on their behalf, named in the audit
  const onBehalf: Ctx = { ...ctx, actor: { kind: 'system', name: `selections:${actorName(ctx.actor)}` } };
  let designations = 0;
  let honours = 0;
  for (const w of winners) {
    if (w.unit_id) {
      try {
        await addDesignation(onBehalf, w.unit_id, { title: c.kind, level: c.award_level as DesignationLevel, year: Number(c.year), awardedOn: sameYear(c.awarded_on, Number(c.year)), note: `${c.name}（评选表彰）` });
        designations++;
      } catch (e) {
        // the unit already holds this title for the year: nothing to add
        if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
      }
      continue;
    }
    await ctx.db
      .insertInto('campaign_honours')
      .values({
        id: newId(), campaign_id: c.id, nomination_id: w.id, nominee_type: w.nominee_type, person_id: w.person_id, household_id: w.household_id, loan_id: w.loan_id,
        org_id: w.nominating_org_id, title: c.kind, level: c.award_level, year: Number(c.year), awarded_on: c.awarded_on, created_at: nowIso(ctx),
      })
      .execute();
    honours++;
  }
  return { designations, honours };
}

/** A designation's date must lie in its year; an award made after the year's end carries no date. */
function sameYear(day: string, year: number): string | null {
  return Number(day.slice(0, 4)) === year ? day : null;
}
