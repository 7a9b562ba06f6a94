import { sql } from 'kysely';
import { addDays } from '../../../domain/cases/deadlines';
import { newId } from '../../../domain/ids';
import { maskName, maskPhone } from '../../../domain/mask';
import { claimDueOn, defaultClaimDays, wishCode } from '../../../domain/wishes/flow';
import { type Ctx, nowIso } from '../../context';
import { appendAudit } from '../audit/audit.service';
import { linkPeopleTo } from './demo.pairings';
import type { PersonPlan } from './demo.people';

/**
 * A few micro-wishes (微心愿) of 留守儿童 at the village 妇联 — awaiting review, published on the
 * board, claimed by a donor with a verified phone — and two 巾帼志愿服务队 with their members and
 * hours (most confirmed), so the organizer and public pages have something to show. Dates lie in
 * the last weeks before the last day (never before the year). Delivered and fulfilled wishes need a
 * delivery photo, which the demo has none of: none is written.
 */

const gifts = [
  ['一个新书包', 8_000], ['一套课外读物', 6_000], ['一件棉衣', 15_000], ['一双运动鞋', 12_000],
  ['一盏护眼台灯', 9_000], ['一套画笔和画本', 5_000], ['一个篮球', 10_000], ['一本新华字典', 3_000],
] as const;
const states = ['submitted', 'submitted', 'published', 'published', 'published', 'claimed', 'claimed', 'submitted'] as const;

export interface WishRefs {
  unitId: (code: string) => string;
  personIds: readonly string[];
  people: readonly PersonPlan[];
  confirmer: string; // display name of who confirms the hours
}

export async function writeDemoWishes(tx: Ctx, year: number, lastDay: string, refs: WishRefs): Promise<{ wishes: number; teams: number; services: number }> {
  const first = `${year}-01-01`;
  const ago = (n: number) => {
    const d = addDays(lastDay, -n);
    return d < first ? first : d;
  };
  const now = nowIso(tx);
  const children = refs.people.flatMap((p, i) => (p.pool === '留守儿童' && p.orgCode.startsWith('LD-FL-T') && p.orgCode.includes('-V') ? [i] : [])).slice(0, gifts.length);
  let code = 0;
  for (const [i, person] of children.entries()) {
    const p = refs.people[person];
    const status = states[i];
    const publishedOn = status === 'submitted' ? null : ago(20 - i);
    const claimedOn = status === 'claimed' ? ago(3 + i - 5) : null;
    let wishCodeText: string | null = null;
    if (publishedOn) {
      const row = await tx.db
        .insertInto('wish_code_counters')
        .values({ year: Number(publishedOn.slice(0, 4)), last: 1 })
        .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`wish_code_counters.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      wishCodeText = wishCode(Number(publishedOn.slice(0, 4)), Number(row.last));
      code++;
    }
    const id = newId();
    const claimId = claimedOn ? newId() : null;
    await tx.db.insertInto('wishes').values({
      id, org_id: refs.unitId(p.orgCode), code: wishCodeText, person_id: refs.personIds[person], beneficiary_kind: '儿童', masked_name: maskName(p.name),
      title: `想要${gifts[i][0]}`, story: `父母在外务工，平时和爷爷奶奶生活，希望得到${gifts[i][0]}。`, value_fen: gifts[i][1], status, reject_reason: null,
      published_on: publishedOn, claim_id: claimId, claimed_on: claimedOn, delivered_on: null, delivery_note: null, fulfilled_on: null,
      created_by: null, created_at: now, updated_at: now, deleted_at: null,
    }).execute();
    if (claimId && claimedOn) {
      const phone = `1380459${String(i).padStart(4, '0')}`;
      await tx.db.insertInto('wish_claims').values({
        id: claimId, wish_id: id, donor_hash: tx.crypto.blindIndex(`otp-phone:${phone}`), phone_masked: maskPhone(phone), claimed_at: `${claimedOn}T02:00:00.000Z`,
        claimed_on: claimedOn, due_on: claimDueOn(claimedOn, defaultClaimDays), outcome: 'holding', ended_on: null,
      }).execute();
    }
  }

  // two teams of 巾帼志愿者 (爱心妈妈 are 志愿者 too), three services each member, the last one awaiting confirmation
  const teams = [
    { org: 'LD-FL', name: '林甸县巾帼志愿服务队', activity: ['“三八”维权宣传', '春蕾女童家访', '关爱留守儿童读书会'] },
    { org: 'LD-FL-T03', name: '花园镇巾帼志愿者服务队', activity: ['敬老院慰问', '村屯环境整治', '留守儿童课后辅导'] },
  ];
  let services = 0;
  for (const team of teams) {
    const members = refs.people.flatMap((p, i) => (p.pool === '妇女' && p.orgCode.startsWith(team.org) ? [i] : [])).slice(0, 8);
    const teamId = newId();
    const orgId = refs.unitId(team.org);
    await tx.db.insertInto('volunteer_teams').values({ id: teamId, org_id: orgId, name: team.name, description: '县妇联组织的巾帼志愿服务队伍', created_at: now, updated_at: now }).execute();
    await linkPeopleTo(tx, orgId, members.map((m) => refs.personIds[m]));
    if (members.length) await tx.db.insertInto('volunteer_members').values(members.map((m, k) => ({ team_id: teamId, person_id: refs.personIds[m], joined_on: ago(90 - k), created_at: now }))).execute();
    const rows = members.flatMap((m, k) =>
      team.activity.map((activity, j) => {
        const confirmed = j < 2;
        return {
          id: newId(), team_id: teamId, person_id: refs.personIds[m], served_on: ago(60 - 20 * j - k), hours_tenths: 20 + 5 * ((k + j) % 4), activity, status: confirmed ? 'confirmed' : 'pending',
          confirmed_by: confirmed ? refs.confirmer : null, confirmed_at: confirmed ? now : null, created_by: null, created_at: now,
        };
      }),
    );
    if (rows.length) await tx.db.insertInto('volunteer_services').values(rows).execute();
    services += rows.length;
  }
  await appendAudit(tx, { action: 'seed', entity: 'wish', orgId: refs.unitId('LD-FL'), detail: { wishes: children.length, published: code, teams: teams.length, services, source: 'demo' } });
  return { wishes: children.length, teams: teams.length, services };
}
