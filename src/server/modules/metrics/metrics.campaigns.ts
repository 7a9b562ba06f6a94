import type { Kysely } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { nomineeCode } from '../../../domain/selections/kinds';
import type { DB } from '../../db/types';
import { inSubtree, type MetricArgs, type MetricQuery, num, type RecordRow } from './metrics.sql';

// Selections (评选表彰), by the ORGANIZING unit's subtree (the campaign's unit): a county campaign's
// nominees count at the county, not at the township that nominated them. Records show the public
// coded id and the public (masked) name only, as the public pages do.

type CampaignMeasure = 'nominees' | 'winners' | 'votes';

/** The UTC instants bounding an inclusive Asia/Shanghai date period (created_at is an ISO UTC instant). */
export function shanghaiPeriodInstants(from: string, to: string): { start: string; end: string } {
  const start = new Date(`${from}T00:00:00+08:00`).toISOString();
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  return { start, end };
}

function campaigns(db: Kysely<DB>, a: MetricArgs) {
  let q = db.selectFrom('campaigns as k').where(inSubtree(a.orgId, 'k.org_id'));
  if (a.filters.kind) q = q.where('k.kind', 'in', a.filters.kind);
  if (a.filters.title) q = q.where('k.name', 'in', a.filters.title);
  return q;
}

/**
 * campaigns.nominees: nominations made (提名日期, Asia/Shanghai) in the period, whatever their review; a withdrawn one (撤回推荐) is not counted.
 * campaigns.winners: nominees marked winner in campaigns awarded (表彰日期) in the period.
 */
function nominationRows(m: 'nominees' | 'winners', db: Kysely<DB>, a: MetricArgs) {
  const q = campaigns(db, a).innerJoin('campaign_nominations as n', 'n.campaign_id', 'k.id');
  if (m === 'winners') return q.where('n.winner', '=', 1).where('k.awarded_on', 'is not', null).where('k.awarded_on', '>=', a.from).where('k.awarded_on', '<=', a.to);
  const { start, end } = shanghaiPeriodInstants(a.from, a.to);
  return q.where('n.created_at', '>=', start).where('n.created_at', '<', end).where('n.status', '!=', 'withdrawn');
}

/** campaigns.votes: valid public votes (voided ones excluded) cast (Asia/Shanghai day) in the period. */
function voteRows(db: Kysely<DB>, a: MetricArgs) {
  return campaigns(db, a)
    .innerJoin('campaign_votes as v', 'v.campaign_id', 'k.id')
    .innerJoin('campaign_nominations as n', 'n.id', 'v.nomination_id')
    .where('v.voided_at', 'is', null)
    .where('v.vote_day', '>=', a.from)
    .where('v.vote_day', '<=', a.to);
}

function campaignQuery(m: CampaignMeasure): MetricQuery {
  const base = (db: Kysely<DB>, a: MetricArgs) => (m === 'votes' ? voteRows(db, a) : nominationRows(m, db, a));
  return {
    async value(db, a) {
      const r = await base(db, a).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      const total = await base(db, a).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      if (m === 'votes') {
        const rows = await voteRows(db, a)
          .innerJoin('org_units as u', 'u.id', 'k.org_id')
          .select(['k.id', 'k.name', 'n.seq', 'n.public_name', 'v.id as vote_id', 'v.vote_day', 'u.name as org_name'])
          .orderBy('v.vote_day', 'desc').orderBy('v.id', 'desc').limit(page.limit).offset(page.offset).execute();
        return {
          total: num(total?.n),
          rows: rows.map((r): RecordRow => ({ ledger: 'campaigns', id: r.id, date: r.vote_day, orgName: r.org_name, label: `${r.name}：投给 ${nomineeCode(num(r.seq))} ${r.public_name}`, raw: 1 })),
        };
      }
      const rows = await nominationRows(m, db, a)
        .innerJoin('org_units as u', 'u.id', 'n.nominating_org_id')
        .select(['k.id', 'k.name', 'k.awarded_on', 'n.id as nomination_id', 'n.seq', 'n.public_name', 'n.created_at', 'u.name as org_name'])
        .orderBy('k.id').orderBy('n.seq').limit(page.limit).offset(page.offset).execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => ({
          ledger: 'campaigns',
          id: r.id,
          date: m === 'winners' ? r.awarded_on : shanghaiDate(new Date(r.created_at)),
          orgName: r.org_name,
          label: `${r.name}：${nomineeCode(num(r.seq))} ${r.public_name}`,
          raw: 1,
        })),
      };
    },
  };
}

export const campaignQueries: Record<string, MetricQuery> = {
  'campaigns.nominees': campaignQuery('nominees'),
  'campaigns.winners': campaignQuery('winners'),
  'campaigns.votes': campaignQuery('votes'),
};
