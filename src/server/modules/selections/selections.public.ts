import { maskIdNumber, maskName, maskPhone } from '../../../domain/mask';
import { type NomineeType, nomineeCode, nomineeTypeLabels, type Stage, stageLabels } from '../../../domain/selections/kinds';
import { stageAllows } from '../../../domain/selections/stages';
import type { Ctx } from '../../context';
import { personalNames } from './selections.nominees';
import * as repo from './selections.repo';
import { loadPublicCampaign } from './selections.votes';

/**
 * What the phone pages see: coded nominee ids (001 …) and masked names, never a phone, address or
 * ID number. 事迹 text is written by staff; the nominee's full name, and anything shaped like a
 * mobile number or an ID number, is masked in it before it leaves the server.
 */
export function scrubPublicText(text: string, fullNames: string[], maskTo: (name: string) => string): string {
  let out = text;
  for (const name of [...fullNames].filter((n) => Array.from(n).length >= 2).sort((a, b) => b.length - a.length)) out = out.split(name).join(maskTo(name));
  return out
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m));
}

export async function publicCampaign(ctx: Ctx, id: string) {
  const c = await loadPublicCampaign(ctx, id);
  const stage = c.stage as Stage;
  const rows = (await repo.nominationsOf(ctx.db, c.id, null)).filter((n) => n.status === 'accepted');
  const [votes, names] = await Promise.all([repo.voteCounts(ctx.db, c.id), personalNames(ctx, rows)]);
  const voting = Number(c.voting_enabled) === 1;
  const resultsVisible = voting && (stage !== 'voting' || Number(c.hide_results) === 0);
  const showWinners = stage === 'publicity' || stage === 'awarded';
  const orgName = await ctx.db.selectFrom('org_units').select('name').where('id', '=', c.org_id).executeTakeFirst();
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    year: Number(c.year),
    organizer: orgName?.name ?? '',
    description: c.description,
    stage,
    stageLabel: stageLabels[stage],
    nomineeTypeLabel: nomineeTypeLabels[c.nominee_type as NomineeType],
    votingEnabled: voting,
    votingOpen: stage === 'voting',
    resultsVisible,
    votesPerDay: Number(c.votes_per_day),
    votesPerCampaign: Number(c.votes_per_campaign),
    objectionsOpen: stageAllows.object(stage),
    publicity: showWinners ? { from: c.publicity_from, to: c.publicity_to } : null,
    awardedOn: c.awarded_on,
    nominees: rows.map((n) => {
      return {
        id: nomineeCode(Number(n.seq)),
        name: n.public_name,
        unit: n.org_name,
        deeds: scrubPublicText(n.deeds, names.get(n.id) ?? [], maskName),
        votes: resultsVisible ? (votes.get(n.id) ?? 0) : null,
        winner: showWinners ? Number(n.winner) === 1 : null,
      };
    }),
  };
}
