import type { Insertable } from 'kysely';
import { newId } from '../../../domain/ids';
import { maskName } from '../../../domain/mask';
import { type Ctx, nowIso } from '../../context';
import type { DB } from '../../db/types';
import { appendAudit } from '../audit/audit.service';
import { addDays } from '../../../domain/cases/deadlines';
import { mulberry32, randomDate } from './demo.data';
import type { LedgerPlan } from './demo.ledgers-util';
import type { PersonPlan } from './demo.people';

/**
 * The demo county's two selections (评选表彰) organized by 县妇联, both finished (已表彰):
 * the 最美家庭 of 三八 — 68 households recommended level by level by the 8 乡镇妇联 (near 70),
 * scored by the jury, 20 awarded on 03-06 — and the 十佳妇女小贷项目 of the autumn over 20 of the
 * year's loans, with a public phone vote (3 600 valid votes, 15 night votes from one address voided)
 * and the jury, 10 awarded on 10-16. Rows as the selections service leaves them: quotas and their
 * use, coded nominees with masked public names, jury scores, votes with per-voter tallies, honours.
 * Written only once the year has reached the later award (before that the year has no selection).
 */

export const demoCampaignFigures = { families: 68, familyWinners: 20, loanProjects: 20, loanWinners: 10, votes: 3600, voided: 15 } as const;

export interface NomineePlan {
  town: string; // the nominating 乡镇妇联
  person: number; // the head of the household, or the borrower
  loan: number | null; // index in the ledgers' loans
  score: number;
  votes: number;
  createdOn: string;
}
export interface CampaignPlan {
  name: string;
  kind: '最美家庭' | '十佳妇女小贷项目';
  nomineeType: 'household' | 'loan';
  voting: boolean;
  winners: number;
  nominees: NomineePlan[];
  reviewedOn: string;
  votingFrom: string | null;
  publicityFrom: string;
  awardedOn: string;
}

const townOf = (orgCode: string) => orgCode.slice(0, 'LD-FL-T01'.length);

export function buildCampaignPlans(year: number, lastDay: string, people: readonly PersonPlan[], ledgers: LedgerPlan): CampaignPlan[] {
  if (lastDay < `${year}-10-23`) return [];
  const rng = mulberry32((year * 2246822519) ^ 0xca3a);
  const f = demoCampaignFigures;
  // 最美家庭: 8 townships, 9 + 9 + 9 + 9 + 9 + 9 + 7 + 7 households
  const loanPeople = new Set(ledgers.loans.map((l) => l.person));
  const heads = rng.shuffle(people.flatMap((p, i) => (p.pool === '妇女' && p.orgCode.startsWith('LD-FL-T') && !loanPeople.has(i) ? [i] : [])));
  const towns = [...new Set(heads.map((i) => townOf(people[i].orgCode)))].sort();
  const families: NomineePlan[] = [];
  towns.forEach((town, ti) => {
    const n = ti < 6 ? 9 : 7;
    for (const person of heads.filter((i) => townOf(people[i].orgCode) === town).slice(0, n)) {
      families.push({ town, person, loan: null, score: 0, votes: 0, createdOn: randomDate(rng, `${year}-02-01`, `${year}-02-20`) });
    }
  });
  if (families.length !== f.families) throw new Error(`demo campaigns: ${families.length} families`);
  // distinct jury scores: the first 20 by score win
  rng.shuffle(families.map((_, i) => i)).forEach((k, rank) => (families[k].score = 98 - rank));

  const loans = rng.shuffle(ledgers.loans.flatMap((l, i) => (l.disbursedOn && l.disbursedOn <= `${year}-07-31` && l.orgCode.startsWith('LD-FL-T') ? [i] : []))).slice(0, f.loanProjects);
  const shares = loans.map((_, i) => f.loanProjects * 2 - i); // 40, 39 … 21: the jury agrees with the public
  const total = shares.reduce((a, b) => a + b, 0);
  let left = f.votes;
  const projects = loans.map((li, i): NomineePlan => {
    const votes = i === loans.length - 1 ? left : Math.round((f.votes * shares[i]) / total);
    left -= votes;
    return { town: townOf(ledgers.loans[li].orgCode), person: ledgers.loans[li].person, loan: li, score: 95 - i * 2, votes, createdOn: randomDate(rng, `${year}-08-10`, `${year}-08-31`) };
  });
  return [
    { name: `${year}年度林甸县“最美家庭”评选`, kind: '最美家庭', nomineeType: 'household', voting: false, winners: f.familyWinners, nominees: families, reviewedOn: `${year}-02-23`, votingFrom: null, publicityFrom: `${year}-02-26`, awardedOn: `${year}-03-06` },
    { name: `${year}年度十佳妇女小贷项目评选`, kind: '十佳妇女小贷项目', nomineeType: 'loan', voting: true, winners: f.loanWinners, nominees: projects, reviewedOn: `${year}-09-03`, votingFrom: `${year}-09-05`, publicityFrom: `${year}-10-08`, awardedOn: `${year}-10-16` },
  ];
}

export interface CampaignRefs {
  unitId: (code: string) => string;
  personIds: readonly string[];
  people: readonly PersonPlan[];
  ledgers: LedgerPlan;
  loanId: (loanIndex: number) => string;
  jurorId: string;
}

const at = (day: string, utcHour: number, minute = 0) => `${day}T${String(utcHour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

export async function writeDemoCampaigns(tx: Ctx, plans: readonly CampaignPlan[], refs: CampaignRefs): Promise<{ campaigns: number; nominations: number; votes: number }> {
  const now = nowIso(tx);
  const orgId = refs.unitId('LD-FL');
  let nominations = 0;
  let votes = 0;
  for (const c of plans) {
    const id = newId();
    const publicityTo = addDays(c.publicityFrom, 6);
    await tx.db.insertInto('campaigns').values({
      id, org_id: orgId, name: c.name, kind: c.kind, nominee_type: c.nomineeType, year: Number(c.awardedOn.slice(0, 4)), award_level: '县级', description: null, stage: 'awarded',
      voting_enabled: c.voting ? 1 : 0, jury_enabled: 1, jury_weight: c.voting ? 50 : 100, winners_count: c.winners, votes_per_day: 3, votes_per_campaign: 30, votes_per_address_hour: 200,
      hide_results: 0, publicity_days: 7, publicity_from: c.publicityFrom, publicity_to: publicityTo, awarded_on: c.awardedOn, created_by: null, created_at: now, updated_at: now,
    }).execute();
    const quotas = new Map<string, number>();
    for (const n of c.nominees) quotas.set(n.town, (quotas.get(n.town) ?? 0) + 1);
    await tx.db.insertInto('campaign_quotas').values([...quotas].map(([town, used]) => ({ campaign_id: id, org_id: refs.unitId(town), quota: used + 2, used }))).execute();
    const ranked = [...c.nominees].sort((a, b) => b.score - a.score);
    const winners = new Set(ranked.slice(0, c.winners));
    const rows: Insertable<DB['campaign_nominations']>[] = [];
    const households: Insertable<DB['households']>[] = [];
    const noms = c.nominees.map((n, i) => ({ n, id: newId(), seq: i + 1 }));
    for (const { n, id: nid, seq } of noms) {
      const person = refs.people[n.person];
      let householdId: string | null = null;
      let publicName = `${maskName(person.name)}家庭`;
      if (c.nomineeType === 'household') {
        householdId = newId();
        households.push({ id: householdId, org_id: refs.unitId(person.orgCode), head_person_id: refs.personIds[n.person], name: `${person.name}户`, address_cipher: tx.crypto.encrypt(person.address), categories: '', created_at: now, updated_at: now, lifted_on: null, batch_id: null });
      } else {
        publicName = `${maskName(person.name)}（${refs.ledgers.loans[n.loan as number].venture}）`;
      }
      rows.push({
        id: nid, campaign_id: id, seq, nominating_org_id: refs.unitId(n.town), nominee_type: c.nomineeType, person_id: null, household_id: householdId, unit_id: null,
        loan_id: n.loan === null ? null : refs.loanId(n.loan), public_name: publicName,
        deeds: c.nomineeType === 'household' ? '家庭和睦，孝老爱亲，热心邻里互助，积极参与村里公益活动' : '依托妇女小额贷款发展产业，带动周边妇女就业增收',
        status: 'accepted', review_reason: null, reviewed_by: refs.jurorId, reviewed_at: at(c.reviewedOn, 2), winner: winners.has(n) ? 1 : 0, created_by: null,
        created_at: at(n.createdOn, 1 + (seq % 8), seq % 60), updated_at: at(c.awardedOn, 2),
      });
    }
    if (households.length) {
      await tx.db.insertInto('households').values(households).execute();
      await tx.db.insertInto('household_members').values(households.map((h) => ({ household_id: h.id as string, person_id: h.head_person_id as string, relation: '户主' }))).execute();
    }
    await tx.db.insertInto('campaign_nominations').values(rows).execute();
    await tx.db.insertInto('campaign_jury_scores').values(noms.map(({ n, id: nid }) => ({ nomination_id: nid, juror_id: refs.jurorId, campaign_id: id, score: n.score, comment: null, updated_at: at(c.publicityFrom, 1) }))).execute();
    if (c.voting && c.votingFrom) votes += await writeVotes(tx, id, c.votingFrom, noms, refs.jurorId);
    await tx.db.insertInto('campaign_honours').values(noms.filter(({ n }) => winners.has(n)).map(({ n, id: nid }) => ({
      id: newId(), campaign_id: id, nomination_id: nid, nominee_type: c.nomineeType, person_id: null, household_id: rows.find((r) => r.id === nid)?.household_id ?? null,
      loan_id: n.loan === null ? null : refs.loanId(n.loan), org_id: refs.unitId(n.town), title: c.kind, level: '县级', year: Number(c.awardedOn.slice(0, 4)), awarded_on: c.awardedOn, created_at: now,
    }))).execute();
    nominations += rows.length;
  }
  await appendAudit(tx, { action: 'seed', entity: 'campaign', orgId, detail: { campaigns: plans.length, nominations, votes, source: 'demo' } });
  return { campaigns: plans.length, nominations, votes };
}

/**
 * The public vote: 1 200 verified phones each voting once a day on three days (3 600 valid votes,
 * within 3 a day and 30 a campaign), then 15 votes at 02:00 from one address, voided with a reason.
 */
async function writeVotes(tx: Ctx, campaignId: string, from: string, noms: readonly { n: NomineePlan; id: string }[], voidedBy: string): Promise<number> {
  const voters = 1200;
  const rng = mulberry32(0x70e5);
  const ballots = rng.shuffle(noms.flatMap(({ n, id }) => Array.from({ length: n.votes }, () => id)));
  const votes: Insertable<DB['campaign_votes']>[] = [];
  const tallies = new Map<string, number>();
  const voterHash = (k: number) => tx.crypto.blindIndex(`otp-phone:1390459${String(k).padStart(4, '0')}`);
  const hashes = Array.from({ length: voters + 15 }, (_, k) => voterHash(k));
  const addresses = Array.from({ length: voters / 3 + 1 }, (_, k) => tx.crypto.blindIndex(`address:10.88.${k >> 8}.${k & 255}`));
  const cast = (voter: number, nominationId: string, day: string, hour: number, minute: number, address: string, voided: boolean) => {
    votes.push({
      id: newId(), campaign_id: campaignId, nomination_id: nominationId, voter_hash: hashes[voter], vote_day: day, vote_hour: hour, address_hash: address,
      created_at: at(addDays(day, hour < 8 ? -1 : 0), (hour + 16) % 24, minute), voided_at: voided ? at(addDays(day, 1), 2) : null,
      void_reason: voided ? '同一地址凌晨集中投票，疑似刷票' : null, voided_by: voided ? voidedBy : null,
    });
    for (const period of ['all', day]) tallies.set(`${hashes[voter]}|${period}`, (tallies.get(`${hashes[voter]}|${period}`) ?? 0) + 1);
  };
  ballots.forEach((nominationId, i) => {
    const voter = i % voters;
    const day = addDays(from, Math.floor(i / voters) * 4 + (voter % 4));
    cast(voter, nominationId, day, 8 + (i % 14), i % 60, addresses[Math.floor(voter / 3)], false);
  });
  for (let k = 0; k < 15; k++) cast(voters + k, noms[noms.length - 1].id, addDays(from, 12), 2, k, addresses[voters / 3], true);
  for (let i = 0; i < votes.length; i += 400) await tx.db.insertInto('campaign_votes').values(votes.slice(i, i + 400)).execute();
  const rows = [...tallies].map(([key, count]) => {
    const [voter_hash, period] = key.split('|');
    return { campaign_id: campaignId, voter_hash, period, count };
  });
  for (let i = 0; i < rows.length; i += 400) await tx.db.insertInto('campaign_voter_tallies').values(rows.slice(i, i + 400)).execute();
  return votes.length - 15;
}
