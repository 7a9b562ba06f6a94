import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';
import { computeSubsidyFen } from '../../../domain/ledgers/loans';
import { computeMetric } from '../metrics/metrics.service';
import { figureBySql } from './demo.ledgers-check';
import { buildLedgerPlan, demoLedgerFigures, figureHolds, figurePeriod, type LedgerFigure } from './demo.ledgers-plan';
import { type LedgerPlan, ledgerTargets, loanProduct, sum } from './demo.ledgers-util';
import { buildPeople } from './demo.people';
import { buildDemoPlan } from './demo.plan';
import { seedDemo, type SeedDemoResult } from './demo.seed';

// Seeded as on 2026-11-28 (Asia/Shanghai): the year is the current one, records end today, and
// the second half of the year has begun, so every figure of demoLedgerFigures holds.
const today = '2026-11-28';
const year = 2026;
let t: TestApp;
let first: SeedDemoResult;
let seconds: number;
let phases: Record<string, number> = {};

const tables = ['activities', 'activity_outcomes', 'activity_partners', 'assistance', 'loans', 'loan_repayments', 'households', 'household_members', 'contracts', 'person_orgs'] as const;
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

/** every date a plan's records carry */
function planDates(p: LedgerPlan): string[] {
  return [
    ...p.activities.flatMap((a) => [a.startOn, a.endOn ?? a.startOn]),
    ...p.assistance.map((a) => a.givenOn),
    ...p.loans.flatMap((l) => [l.disbursedOn, l.repaidOn].filter((d): d is string => d !== null)),
    ...p.households.flatMap((h) => (h.liftedOn ? [h.liftedOn] : [])),
    ...p.contracts.map((c) => c.signedOn),
  ];
}

function plan(lastDay: string) {
  const units = buildDemoPlan(year, lastDay).units;
  const people = buildPeople(year, units);
  return { units, people, ledgers: buildLedgerPlan(year, lastDay, units, people) };
}

beforeAll(async () => {
  t = await createTestApp({ clock: testClock(`${today}T04:00:00.000Z`) });
  const started = Date.now();
  // the seed logs its phases (ms) with its summary
  const info = (o: unknown) => {
    if (o && typeof o === 'object' && 'phases' in o) phases = (o as { phases: Record<string, number> }).phases;
  };
  first = await seedDemo({ ...t.sys, log: { ...t.sys.log, info } }, { dataDir: t.config.dataDir, year, print: () => {} });
  seconds = (Date.now() - started) / 1000;
}, 240_000);
afterAll(() => t.close());

describe('demo ledgers: the plan', () => {
  it('is deterministic given the year and the last day', () => {
    expect(plan(today).ledgers).toEqual(plan(today).ledgers);
  });

  it('keeps every annual total when the year has barely begun, and never dates a record after the last day', () => {
    for (const lastDay of ['2026-01-01', '2026-03-10', '2026-06-15', '2026-12-31']) {
      const { ledgers, people } = plan(lastDay);
      for (const d of planDates(ledgers)) expect(d >= `${year}-01-01` && d <= lastDay, `${d} after ${lastDay}`).toBe(true);
      const fl = ledgers.loans.filter((l) => l.disbursedOn);
      expect(fl).toHaveLength(ledgerTargets.fl.borrowers);
      expect(sum(fl.map((l) => l.principalFen))).toBe(ledgerTargets.fl.loansWan * 1_000_000);
      expect(new Set(ledgers.loans.map((l) => l.person)).size).toBe(ledgers.loans.length);
      for (const l of ledgers.loans) expect(people[l.person].categories).toContain('创业女性');
      expect(ledgers.assistance.filter((a) => a.orgCode.startsWith('LD-ZGH'))).toHaveLength(ledgerTargets.zgh.assistance);
      const keys = [
        ...ledgers.activities.map((a) => ['activity', a.orgCode, a.name, a.type, a.startOn].join('|')),
        ...ledgers.assistance.map((a) => ['assistance', a.orgCode, a.person, a.program, a.givenOn, a.amountFen].join('|')),
        ...ledgers.contracts.map((c) => ['contract', c.orgCode, c.enterprise, c.type, c.signedOn].join('|')),
      ];
      expect(new Set(keys).size, `natural keys by ${lastDay}`).toBe(keys.length);
      const h1 = fl.filter((l) => (l.disbursedOn as string) <= `${year}-06-30`);
      if (lastDay >= `${year}-07-01`) {
        expect(h1).toHaveLength(ledgerTargets.fl.firstHalfBorrowers);
        expect(sum(h1.map((l) => l.principalFen))).toBe(ledgerTargets.fl.firstHalfLoansWan * 1_000_000);
      }
    }
  });

  it('states every figure with its 余 rounding and period', () => {
    // 120余万元, 6000余人次, 150余份, 400余次
    expect(demoLedgerFigures.filter((f) => f.spoken !== undefined).map((f) => f.spoken)).toEqual([1_200_000, 6000, 150, 400]);
    for (const f of demoLedgerFigures) {
      if (f.spoken !== undefined) {
        const step = 10 ** (String(f.spoken).length - String(f.spoken).replace(/0+$/, '').length);
        expect(Math.floor(f.value / step) * step, f.says).toBe(f.spoken);
      }
      expect(figurePeriod(f.period, year).from).toBe(`${year}-01-01`);
    }
    expect(figureHolds(demoLedgerFigures.find((f) => f.needsSecondHalf) as LedgerFigure, year, '2026-06-15')).toBe(false);
  });
});

describe('demo ledgers: the seeded county', () => {
  it('seeds the whole demo with the ledgers in one go', async () => {
    expect(first.created).toBe(true);
    // timings are printed for the notes, never asserted (the house rule: no timing assertions in tests)
    console.info(`demo seed with ledgers: ${seconds.toFixed(1)} s (${t.database.dialect}), phases ${JSON.stringify(phases)}; rows ${JSON.stringify(await counts())}`);
    expect(phases.ledgers).toBeGreaterThan(0);
  });

  it.each(demoLedgerFigures.map((f) => [`${f.org} ${f.code}${JSON.stringify(f.filters)} ${f.period}: ${f.says}`, f] as const))('yields %s (direct SQL)', async (_, f) => {
    expect(await figureBySql(t.database.db, f, year)).toBe(f.value);
  });

  it('yields every figure through the metric engine too', async () => {
    for (const f of demoLedgerFigures) {
      const r = await computeMetric(t.sys, { code: f.code, filters: f.filters, org: f.org, ...figurePeriod(f.period, year) });
      expect(r.value, `${f.org} ${f.code} ${f.says}`).toBe(f.value);
    }
  });

  it('dates nothing after today and nothing before the year', async () => {
    const db = t.database.db;
    const bounds = async (table: 'activities' | 'assistance' | 'loans' | 'contracts' | 'households' | 'loan_repayments', column: string) => {
      const r = await db
        .selectFrom(table)
        .select((eb) => [eb.fn.min<string>(eb.ref(column as 'id')).as('lo'), eb.fn.max<string>(eb.ref(column as 'id')).as('hi')])
        .executeTakeFirstOrThrow();
      expect(r.lo >= `${year}-01-01` && r.hi <= today, `${table}.${column} ${r.lo}..${r.hi}`).toBe(true);
    };
    for (const [table, column] of [['activities', 'start_on'], ['activities', 'end_on'], ['assistance', 'given_on'], ['loans', 'disbursed_on'], ['contracts', 'signed_on'], ['households', 'lifted_on'], ['loan_repayments', 'paid_on']] as const) {
      await bounds(table, column);
    }
  });

  it('writes loans as the service would: product terms, due date, 贴息, 申请中 without a date', async () => {
    const rows = await t.database.db.selectFrom('loans').selectAll().execute();
    expect(rows).toHaveLength(ledgerTargets.fl.borrowers + ledgerTargets.fl.pendingLoans);
    for (const l of rows) {
      if (l.status === '申请中') {
        expect([l.disbursed_on, l.subsidy_fen]).toEqual([null, 0]);
        continue;
      }
      expect(l.principal_fen % 100).toBe(0); // whole 元
      expect(Number(l.subsidy_fen)).toBe(computeSubsidyFen(Number(l.principal_fen), loanProduct.rateBp, loanProduct.subsidyPct, loanProduct.termMonths));
      expect(l.due_on! > l.disbursed_on!).toBe(true);
    }
    const statuses = new Set(rows.map((l) => l.status));
    for (const s of ['已放款', '已还清', '逾期', '申请中']) expect(statuses.has(s), s).toBe(true);
  });

  it('links every unit that names a person in a record to that person', async () => {
    for (const table of ['assistance', 'loans'] as const) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} r
        where not exists (select 1 from person_orgs po where po.person_id = r.person_id and po.org_id = r.org_id)`.execute(t.database.db);
      const unlinked = rows[0];
      expect(Number(unlinked.n), table).toBe(0);
    }
  });

  it('keeps the two 助学 apart: 团县委 students are 青年 aged 16–22, 县妇联 children are 困境儿童', async () => {
    const rows = await t.database.db
      .selectFrom('assistance as s')
      .innerJoin('org_units as u', 'u.id', 's.org_id')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .innerJoin('person_categories as pc', 'pc.person_id', 'p.id')
      .select(['u.code', 'pc.category', 'p.birth_date'])
      .where('s.program', '=', '助学')
      .execute();
    // one record and one category per student or child: 77 of 团县委, 121 of 县妇联
    const perUnit = (code: string) => rows.filter((r) => r.code === code).length;
    expect([perUnit('LD-TW'), perUnit('LD-FL'), rows.length]).toEqual([ledgerTargets.tw.students, ledgerTargets.fl.childrenAided, ledgerTargets.tw.students + ledgerTargets.fl.childrenAided]);
    for (const r of rows) {
      if (r.code === 'LD-TW') {
        expect(r.category).toBe('青年');
        const age = year - Number(r.birth_date.slice(0, 4));
        expect(age >= 15 && age <= 23, String(age)).toBe(true);
      } else expect([r.code, r.category]).toEqual(['LD-FL', '困境儿童']);
    }
  });

  it('is idempotent: a second run adds no ledger record', async () => {
    const before = await counts();
    const again = await seedDemo(t.sys, { dataDir: t.config.dataDir, year, print: () => {} });
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
