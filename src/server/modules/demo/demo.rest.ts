import type { Ctx } from '../../context';
import { buildCampaignPlans, writeDemoCampaigns } from './demo.campaigns';
import { buildCasePlan, writeDemoCases } from './demo.cases';
import type { LedgerPlan } from './demo.ledgers-util';
import { buildPairingPlan, writeDemoPairings } from './demo.pairings';
import type { PersonPlan } from './demo.people';
import type { DemoPlan } from './demo.plan';
import { writeDemoWishes } from './demo.wishes';

/**
 * The rest of the demo county after units, people, ledgers and users: pairings (demo.pairings.ts),
 * cases (demo.cases.ts), selections (demo.campaigns.ts), micro-wishes and volunteers (demo.wishes.ts). Inside the seed's transaction, in bulk.
 */
export interface RestCounts {
  pairings: number;
  pairingVisits: number;
  cases: number;
  campaigns: number;
  nominations: number;
  votes: number;
  wishes: number;
  volunteerServices: number;
}

export interface RestInput {
  year: number;
  lastDay: string;
  plan: DemoPlan;
  people: readonly PersonPlan[];
  ledgers: LedgerPlan;
  unitId: (code: string) => string;
  personIds: readonly string[];
}

export async function writeDemoRest(tx: Ctx, input: RestInput): Promise<RestCounts> {
  const names = new Map(input.plan.units.map((u) => [u.code, u.name]));
  const pairingPlan = buildPairingPlan(input.year, input.lastDay, input.plan.units, input.people, input.ledgers);
  const p = await writeDemoPairings(tx, pairingPlan, { unitId: input.unitId, unitName: (c) => names.get(c) ?? c, personIds: input.personIds, people: input.people });
  const users = new Map((await tx.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['xf-fl', 'wq-zgh', 'fl']).execute()).map((u) => [u.username, u.id]));
  const userId = (username: string) => {
    const id = users.get(username);
    if (!id) throw new Error(`demo seed: user ${username} missing`);
    return id;
  };
  const cases = await writeDemoCases(tx, buildCasePlan(input.year, input.lastDay, input.plan.units), { unitId: input.unitId, userId });
  const campaignPlans = buildCampaignPlans(input.year, input.lastDay, input.people, input.ledgers);
  // loans by borrower (each borrower has one loan in the demo)
  const borrowers = campaignPlans.flatMap((c) => c.nominees.flatMap((n) => (n.loan === null ? [] : [input.personIds[input.ledgers.loans[n.loan].person]])));
  const loanByPerson = new Map(
    borrowers.length ? (await tx.db.selectFrom('loans').select(['id', 'person_id']).where('person_id', 'in', borrowers).execute()).map((l) => [l.person_id, l.id]) : [],
  );
  const k = await writeDemoCampaigns(tx, campaignPlans, {
    unitId: input.unitId, personIds: input.personIds, people: input.people, ledgers: input.ledgers, jurorId: userId('fl'),
    loanId: (i) => loanByPerson.get(input.personIds[input.ledgers.loans[i].person]) ?? '',
  });
  const w = await writeDemoWishes(tx, input.year, input.lastDay, { unitId: input.unitId, personIds: input.personIds, people: input.people, confirmer: '县妇联工作人员' });
  return { pairings: p.pairings, pairingVisits: p.visits, cases, campaigns: k.campaigns, nominations: k.nominations, votes: k.votes, wishes: w.wishes, volunteerServices: w.services };
}
