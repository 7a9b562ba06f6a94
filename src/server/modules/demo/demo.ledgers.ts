import type { Insertable } from 'kysely';
import { newId } from '../../../domain/ids';
import { addMonths, computeSubsidyFen } from '../../../domain/ledgers/loans';
import { naturalKeys } from '../../../domain/ledgers/natural-keys';
import { type Ctx, nowIso } from '../../context';
import type { DB } from '../../db/types';
import type { LedgerPlan } from './demo.ledgers-util';
import type { PersonPlan } from './demo.people';

/**
 * Writes the demo ledger plan straight into the tables, in batches, inside the seed's transaction:
 * the columns, natural keys and links a ledger service would write (natural_key from the domain's
 * naturalKeys, subsidy from computeSubsidyFen, the record's unit linked to the person it names,
 * a person's only household on their assistance), without one audit entry per record.
 */

export interface LedgerCounts {
  activities: number;
  assistance: number;
  loans: number;
  households: number;
  contracts: number;
}

const batchSize = 500;

type Rows<T extends keyof DB> = Array<Insertable<DB[T]>>;

async function inBatches<R>(rows: readonly R[], write: (chunk: R[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await write(rows.slice(i, i + batchSize));
}

function unique(table: string, keys: readonly string[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`demo ledgers: two ${table} records share the natural key ${k}`);
    seen.add(k);
  }
}

export interface LedgerRefs {
  unitId: (code: string) => string;
  unitIdByName: (name: string) => string | null;
  personIds: readonly string[]; // by index in the people plan
}

export async function writeDemoLedgers(tx: Ctx, plan: LedgerPlan, people: readonly PersonPlan[], refs: LedgerRefs): Promise<LedgerCounts> {
  const now = nowIso(tx);
  const stamp = { batch_id: null, created_by: null, created_at: now, updated_at: now, deleted_at: null, delete_reason: null };
  const personId = (i: number) => refs.personIds[i];
  const links = new Map<string, { person_id: string; org_id: string; created_at: string }>();
  const link = (person: string, org: string) => links.set(`${person}|${org}`, { person_id: person, org_id: org, created_at: now });

  await inBatches(
    plan.catalog.map((c) => ({ id: newId(), catalog: c.catalog, name: c.name, org_id: refs.unitId(c.orgCode), created_at: now })),
    (chunk) => tx.db.insertInto('catalog_items').values(chunk).execute(),
  );
  const p = plan.product;
  const productId = newId();
  await tx.db
    .insertInto('loan_products')
    .values({ id: productId, org_id: refs.unitId(p.orgCode), name: p.name, rate_bp: p.rateBp, subsidy_pct: p.subsidyPct, term_months: p.termMonths, created_at: now })
    .execute();

  // households first: assistance points at them
  const householdIds = plan.households.map(() => newId());
  const householdOf = new Map(plan.households.map((h, i) => [h.head, householdIds[i]]));
  const households: Rows<'households'> = plan.households.map((h, i) => ({
    id: householdIds[i], org_id: refs.unitId(h.orgCode), head_person_id: personId(h.head), name: h.name,
    address_cipher: tx.crypto.encrypt(people[h.head].address), categories: h.categories, created_at: now, updated_at: now, lifted_on: h.liftedOn, batch_id: null,
  }));
  await inBatches(households, (chunk) => tx.db.insertInto('households').values(chunk).execute());
  const members: Rows<'household_members'> = plan.households.map((h, i) => ({ household_id: householdIds[i], person_id: personId(h.head), relation: '户主' }));
  await inBatches(members, (chunk) => tx.db.insertInto('household_members').values(chunk).execute());

  const activities: Rows<'activities'> = [];
  const partners: Rows<'activity_partners'> = [];
  const outcomes: Rows<'activity_outcomes'> = [];
  for (const a of plan.activities) {
    const id = newId();
    const orgId = refs.unitId(a.orgCode);
    activities.push({
      id, org_id: orgId, name: a.name, type: a.type, start_on: a.startOn, end_on: a.endOn, place: a.place, sessions: a.sessions, participants: a.participants,
      target_groups: a.targetGroups.join('、'), note: null, natural_key: naturalKeys.activity({ name: a.name, type: a.type, startOn: a.startOn, orgId }), ...stamp,
    });
    a.partners.forEach((name, position) => {
      const partner = refs.unitIdByName(name);
      partners.push({ activity_id: id, position, name, org_id: partner && partner !== orgId ? partner : null });
    });
    for (const o of a.outcomes) outcomes.push({ activity_id: id, name: o.name, value: o.value, unit: o.unit });
  }
  unique('activity', activities.map((a) => a.natural_key));
  await inBatches(activities, (chunk) => tx.db.insertInto('activities').values(chunk).execute());
  await inBatches(partners, (chunk) => tx.db.insertInto('activity_partners').values(chunk).execute());
  await inBatches(outcomes, (chunk) => tx.db.insertInto('activity_outcomes').values(chunk).execute());

  const assistance: Rows<'assistance'> = plan.assistance.map((a) => {
    const orgId = refs.unitId(a.orgCode);
    const person = personId(a.person);
    // as the service does: a person's only household is the record's household
    const householdId = a.household === null ? (householdOf.get(a.person) ?? null) : householdIds[a.household];
    link(person, orgId);
    return {
      id: newId(), org_id: orgId, person_id: person, household_id: householdId, program: a.program, form: a.form, amount_fen: a.amountFen, goods: a.goods,
      given_on: a.givenOn, funder: a.funder, note: a.note,
      natural_key: naturalKeys.assistance({ personId: person, householdId, program: a.program, givenOn: a.givenOn, amountFen: a.amountFen, orgId }), ...stamp,
    };
  });
  unique('assistance', assistance.map((a) => a.natural_key));
  await inBatches(assistance, (chunk) => tx.db.insertInto('assistance').values(chunk).execute());

  const loans: Rows<'loans'> = [];
  const repayments: Rows<'loan_repayments'> = [];
  for (const l of plan.loans) {
    const id = newId();
    const orgId = refs.unitId(l.orgCode);
    const person = personId(l.person);
    link(person, orgId);
    loans.push({
      id, org_id: orgId, person_id: person, product_id: productId, bank: l.bank, principal_fen: l.principalFen, term_months: p.termMonths, rate_bp: p.rateBp,
      subsidy_pct: p.subsidyPct, disbursed_on: l.disbursedOn, due_on: l.disbursedOn ? addMonths(l.disbursedOn, p.termMonths) : null,
      subsidy_fen: l.disbursedOn ? computeSubsidyFen(l.principalFen, p.rateBp, p.subsidyPct, p.termMonths) : 0, venture: l.venture, status: l.status, note: null,
      natural_key: naturalKeys.loan({ personId: person, principalFen: l.principalFen, disbursedOn: l.disbursedOn }), ...stamp,
    });
    if (l.repaidOn) repayments.push({ id: newId(), loan_id: id, paid_on: l.repaidOn, amount_fen: l.principalFen, note: '提前还清', created_at: now });
  }
  unique('loan', loans.map((l) => l.natural_key));
  await inBatches(loans, (chunk) => tx.db.insertInto('loans').values(chunk).execute());
  await inBatches(repayments, (chunk) => tx.db.insertInto('loan_repayments').values(chunk).execute());

  const contracts: Rows<'contracts'> = plan.contracts.map((c) => {
    const orgId = refs.unitId(c.orgCode);
    return {
      id: newId(), org_id: orgId, enterprise: c.enterprise, type: c.type, signed_on: c.signedOn, expires_on: c.expiresOn, workers: c.workers, note: null,
      natural_key: naturalKeys.contract({ enterprise: c.enterprise, type: c.type, signedOn: c.signedOn, orgId }), ...stamp,
    };
  });
  unique('contract', contracts.map((c) => c.natural_key));
  await inBatches(contracts, (chunk) => tx.db.insertInto('contracts').values(chunk).execute());

  // the units that name a person in a record now know the person (people.count)
  await inBatches([...links.values()], (chunk) => tx.db.insertInto('person_orgs').values(chunk).onConflict((oc) => oc.columns(['person_id', 'org_id']).doNothing()).execute());
  return { activities: activities.length, assistance: assistance.length, loans: loans.length, households: households.length, contracts: contracts.length };
}
