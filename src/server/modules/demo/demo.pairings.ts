import { newId } from '../../../domain/ids';
import { nextDueOn } from '../../../domain/pairings/lapse';
import { contactKinds } from '../../../domain/pairings/kinds';
import { type Ctx, nowIso } from '../../context';
import { appendAudit } from '../audit/audit.service';
import { addDesignation } from '../orgs/designations.service';
import { mulberry32, randomDate } from './demo.data';
import type { LedgerPlan } from './demo.ledgers-util';
import type { PersonPlan, Pool } from './demo.people';
import type { UnitPlan } from './demo.plan';

/**
 * The demo county's pairings (结对帮扶), all kept by 县妇联 (LD-FL): 城乡妇女结成帮扶对子 1 248 对,
 * 60 of them the 巾帼文明岗 of the county (57 units) with the 60 单亲贫困母亲 who received their
 * 送温暖 (the half-year report's sentence). The 14 机关妇委会 hold this year's 省级/市级 巾帼文明岗
 * (demo.plan.ts); the 8 乡镇妇联 and 35 村妇联 taking part hold a 县级 巾帼文明岗 of an earlier year.
 * A pure plan plus a bulk writer; one audit entry for the batch.
 */

export const demoPairingFigures = { pairings: 1248, posts: 57, mothers: 60 } as const;

export interface PairingPlan {
  helperUnit: string | null; // unit code
  helperPerson: number | null; // index in the people plan
  helperRole: string;
  helped: number;
  helpedRole: string;
  commitment: (typeof contactKinds)[number];
  everyMonths: number;
  startedOn: string;
  visits: string[];
}

export interface DemoPairingPlan {
  pairings: PairingPlan[];
  /** earlier-year 县级 巾帼文明岗 of the units taking part that do not hold one this year */
  earlierPosts: { code: string; year: number }[];
}

const helpedRoleOf: Partial<Record<Pool, string>> = { 留守儿童: '留守儿童', 困境儿童: '困境儿童', 春蕾女童: '春蕾女童', 单亲贫困母亲: '单亲困难母亲', 困难职工: '困难妇女' };
const isWoman = (p: PersonPlan) => Number(p.idNumber[16]) % 2 === 0;

export function buildPairingPlan(year: number, lastDay: string, units: readonly UnitPlan[], people: readonly PersonPlan[], ledgers: LedgerPlan): DemoPairingPlan {
  const rng = mulberry32((year * 40503) ^ 0x7a11);
  const inYear = (from = `${year}-01-01`) => randomDate(rng, from > lastDay ? lastDay : from, lastDay);
  const visitsAfter = (startedOn: string, n: number) => Array.from({ length: n }, () => inYear(startedOn)).sort();
  const pairings: PairingPlan[] = [];

  // 巾帼文明岗 × the mothers of 送温暖 (the same 60 people, in the ledgers' order)
  const mothers = ledgers.assistance.filter((a) => a.program === '送温暖' && a.funder === '巾帼文明岗').map((a) => a.person);
  if (mothers.length !== demoPairingFigures.mothers) throw new Error(`demo pairings: ${mothers.length} 送温暖 mothers`);
  const organ = units.filter((u) => u.role === 'organ-women');
  const others = [...units.filter((u) => u.role === 'town-women'), ...units.filter((u) => u.role === 'village-women').slice(0, demoPairingFigures.posts - organ.length - 8)];
  const posts = [...organ, ...others];
  if (new Set(posts.map((p) => p.code)).size !== demoPairingFigures.posts) throw new Error('demo pairings: posts');
  mothers.forEach((person, i) => {
    // formed around 三八 and before the 送温暖 of May: in the first half year
    const startedOn = randomDate(rng, `${year}-03-08` > lastDay ? lastDay : `${year}-03-08`, `${year}-05-05` > lastDay ? lastDay : `${year}-05-05`);
    pairings.push({
      helperUnit: posts[i % posts.length].code, helperPerson: null, helperRole: '巾帼文明岗', helped: person, helpedRole: '单亲困难母亲',
      commitment: '走访', everyMonths: 3, startedOn, visits: visitsAfter(startedOn, i % 3),
    });
  });

  // women with women and children: 爱心妈妈 and 创业女性 as helpers, each once
  const taken = new Set(mothers);
  const pool = (name: Pool) => people.flatMap((p, i) => (p.pool === name && !taken.has(i) ? [i] : []));
  const helpers = [...pool('妇女'), ...rng.shuffle(pool('创业女性'))];
  const helped = rng.shuffle([...pool('留守儿童'), ...pool('困境儿童'), ...pool('春蕾女童'), ...pool('单亲贫困母亲'), ...pool('困难职工').filter((i) => isWoman(people[i]))]);
  const rest = demoPairingFigures.pairings - pairings.length;
  if (helpers.length < rest) throw new Error(`demo pairings: ${helpers.length} helpers for ${rest}`);
  for (let i = 0; i < rest; i++) {
    const person = helped[i % helped.length];
    const role = helpedRoleOf[people[person].pool] ?? '其他';
    const child = ['留守儿童', '困境儿童', '春蕾女童'].includes(role);
    const startedOn = inYear();
    pairings.push({
      helperUnit: null, helperPerson: helpers[i], helperRole: child && i < 150 ? '爱心妈妈' : '志愿者', helped: person, helpedRole: role,
      commitment: rng.pick(contactKinds), everyMonths: rng.pick([1, 2, 3, 3, 6]), startedOn, visits: visitsAfter(startedOn, rng.int(0, 2)),
    });
  }
  const earlierPosts = others.map((u, i) => ({ code: u.code, year: year - 1 - (i % 3) }));
  return { pairings, earlierPosts };
}

export interface PairingRefs {
  unitId: (code: string) => string;
  unitName: (code: string) => string;
  personIds: readonly string[];
  people: readonly PersonPlan[];
}

/** Links each person to the keeping unit, as a record naming them does (people.service linkPersonToOrg), in bulk. */
export async function linkPeopleTo(tx: Ctx, orgId: string, personIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(personIds)];
  const known = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await tx.db.selectFrom('person_orgs').select('person_id').where('org_id', '=', orgId).where('person_id', 'in', wanted.slice(i, i + 500)).execute();
    for (const r of rows) known.add(r.person_id);
  }
  const now = nowIso(tx);
  const fresh = wanted.filter((id) => !known.has(id)).map((id) => ({ person_id: id, org_id: orgId, created_at: now }));
  for (let i = 0; i < fresh.length; i += 500) await tx.db.insertInto('person_orgs').values(fresh.slice(i, i + 500)).execute();
}

export async function writeDemoPairings(tx: Ctx, plan: DemoPairingPlan, refs: PairingRefs): Promise<{ pairings: number; visits: number }> {
  for (const d of plan.earlierPosts) await addDesignation(tx, refs.unitId(d.code), { title: '巾帼文明岗', level: '县级', year: d.year, awardedOn: `${d.year}-03-08` });
  const now = nowIso(tx);
  const orgId = refs.unitId('LD-FL');
  await linkPeopleTo(tx, orgId, plan.pairings.flatMap((p) => [p.helped, ...(p.helperPerson === null ? [] : [p.helperPerson])]).map((i) => refs.personIds[i]));
  const rows = [];
  const visits = [];
  for (const p of plan.pairings) {
    const id = newId();
    const last = p.visits.length ? p.visits[p.visits.length - 1] : null;
    rows.push({
      id, org_id: orgId, helper_kind: p.helperUnit ? 'unit' : 'person', helper_person_id: p.helperPerson === null ? null : refs.personIds[p.helperPerson],
      helper_org_id: p.helperUnit ? refs.unitId(p.helperUnit) : null, helper_role: p.helperRole, helped_kind: 'person', helped_person_id: refs.personIds[p.helped],
      helped_household_id: null, helped_role: p.helpedRole, commitment_kind: p.commitment, every_months: p.everyMonths, started_on: p.startedOn, last_visit_on: last,
      next_due_on: nextDueOn(p.startedOn, last, p.everyMonths), ended_on: null, end_reason: null, note: null, created_by: null, created_at: now, updated_at: now, deleted_at: null,
    });
    for (const on of p.visits) visits.push({ id: newId(), pairing_id: id, visited_on: on, kind: p.commitment, note: null, visited_by: p.helperUnit ? refs.unitName(p.helperUnit) : refs.people[p.helperPerson as number].name, created_by: null, created_at: now });
  }
  for (let i = 0; i < rows.length; i += 300) await tx.db.insertInto('pairings').values(rows.slice(i, i + 300)).execute();
  for (let i = 0; i < visits.length; i += 300) await tx.db.insertInto('pairing_visits').values(visits.slice(i, i + 300)).execute();
  await appendAudit(tx, { action: 'seed', entity: 'pairing', orgId, detail: { pairings: rows.length, visits: visits.length, source: 'demo' } });
  return { pairings: rows.length, visits: visits.length };
}
