import { shanghaiDate } from '../../../domain/dates';
import { maskIdNumber, maskName, maskPhone } from '../../../domain/mask';
import { type NomineeType, nomineeCode, nomineeTypeLabels, type Stage, stageLabels } from '../../../domain/selections/kinds';
import { type ConsentKind, isChild, namesToMask, publicNomineeName } from '../../../domain/selections/publication';
import { stageAllows } from '../../../domain/selections/stages';
import { votingPhase, votingPhaseLabels } from '../../../domain/selections/voting-window';
import { type Ctx, nowIso } from '../../context';
import { notFound } from '../../http/errors';
import { publicImage } from '../attachments/attachments.service';
import { namesBehind } from './selections.nominees';
import { nominationPhotos, publicationView } from './selections.publication';
import * as repo from './selections.repo';
import { votingWindowOf } from './selections.service';
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
  const [votes, names, publication] = await Promise.all([repo.voteCounts(ctx.db, c.id), namesBehind(ctx, rows), publicationView(ctx, rows)]);
  const phase = votingPhase(votingWindowOf(c), nowIso(ctx));
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
    votingOpen: phase === 'open',
    votingPhase: phase,
    votingPhaseLabel: votingPhaseLabels[phase],
    votingStartsAt: voting ? (c.voting_starts_at ?? c.voting_opened_at ?? null) : null,
    votingEndsAt: voting ? (c.voting_ends_at ?? null) : null,
    resultsVisible,
    votesPerDay: Number(c.votes_per_day),
    votesPerCampaign: Number(c.votes_per_campaign),
    objectionsOpen: stageAllows.object(stage),
    publicity: showWinners ? { from: c.publicity_from, to: c.publicity_to } : null,
    awardedOn: c.awarded_on,
    nominees: rows.map((n) => {
      const p = publication.get(n.id);
      // shown by name only with a recorded consent, never a child; the shown names stay readable in the 事迹, every other name is masked
      const shown = p && p.shownName !== n.public_name ? p.shownName : null;
      const behind = names.get(n.id) ?? { all: [], children: new Set<string>() };
      const code = nomineeCode(Number(n.seq));
      const photo = (shown || n.nominee_type === 'unit') && p?.photoId ? `/api/public/campaigns/${c.id}/nominees/${code}/photo?v=${p.photoId.slice(-12)}` : null;
      return {
        id: code,
        name: p?.shownName ?? n.public_name,
        photoUrl: photo,
        unit: n.org_name,
        deeds: scrubPublicText(n.deeds, namesToMask(behind.all, behind.children, shown), maskName),
        votes: resultsVisible ? (votes.get(n.id) ?? 0) : null,
        winner: showWinners ? Number(n.winner) === 1 : null,
      };
    }),
  };
}

/**
 * A nominee's photo on the public page: only for an accepted nominee with a recorded consent to
 * publication who is not a child (the page shows the photo only then), without the file's metadata.
 */
export async function publicNomineePhoto(ctx: Ctx, id: string, code: string): Promise<{ mime: string; content: Buffer }> {
  const c = await loadPublicCampaign(ctx, id);
  const n = await ctx.db.selectFrom('campaign_nominations').selectAll().where('campaign_id', '=', c.id).where('seq', '=', Number(code)).where('status', '=', 'accepted').executeTakeFirst();
  const missing = () => notFound('照片');
  if (!n) throw missing();
  const unit = n.nominee_type === 'unit';
  if (!unit && !n.publish_consent) throw missing();
  const person = n.person_id ? await ctx.db.selectFrom('people').select('birth_date').where('id', '=', n.person_id).executeTakeFirst() : null;
  const shown = publicNomineeName({ maskedName: n.public_name, displayName: n.display_name ?? null, consent: n.publish_consent as ConsentKind, child: Boolean(person && isChild(person.birth_date, shanghaiDate(ctx.now()))) });
  if (!unit && shown === n.public_name) throw missing();
  const photo = (await nominationPhotos(ctx, [n.id])).get(n.id);
  const image = photo ? await publicImage(ctx, photo.id) : null;
  if (!image) throw missing();
  return image;
}
