// Benchmark: the county's annual work report (年度工作总结, docx) over the demo county grown to 1M
// ledger records (600k assistance, 300k activities, 100k loans, spread over every unit and over
// 2024–2025). Prints the seconds for the whole generation and the share spent in metric queries
// (each computeMetric call of the report's figures is timed through the report service's hook, and
// the work plan's targets, whose actuals are metric queries too, are timed as a phase). Asserts nothing.
// Run: npx tsx bench/report.ts [records]
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Insertable, sql } from 'kysely';
import { newId } from '../src/domain/ids';
import type { Database } from '../src/server/db/database';
import type { ActivityTable, AssistanceTable, LoanTable } from '../src/server/db/types';
import { systemCtx } from '../src/server/runtime';
import { seedDemo } from '../src/server/modules/demo/demo.seed';
import { computeMetric } from '../src/server/modules/metrics/metrics.service';
import { writeDocx } from '../src/server/modules/reports/reports.docx';
import { generateReport } from '../src/server/modules/reports/reports.service';
import { benchDatabase } from './fixtures';

const records = Number(process.argv[2] ?? 1_000_000);
const year = 2025;
const programs = ['送温暖', '一帮一', '春蕾计划', '母亲邮包', '助学', '就业援助', '医疗救助'];
const forms = ['现金', '物资', '服务', '就业'];
const types = ['培训', '宣讲', '党课', '会议', '公益', '文体'];
const stamp = new Date().toISOString();

// two years, 2024 and 2025: the 2025 report reads about half of the rows
const dateOf = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 731) * 86_400_000).toISOString().slice(0, 10);
const ledger = (i: number, kind: string) => ({
  note: null, natural_key: `bench-${kind}-${i}`, batch_id: null, created_by: null, created_at: stamp, updated_at: stamp,
  deleted_at: i % 50 === 0 ? stamp : null, delete_reason: i % 50 === 0 ? '录入错误' : null,
});

/** Inserts rows made by `make` in 500-row statements, 20 statements a transaction. */
async function insertMany<T>(database: Database, table: 'assistance' | 'activities' | 'loans', count: number, make: (i: number) => T): Promise<void> {
  for (let start = 0; start < count; start += 10_000) {
    await database.db.transaction().execute(async (trx) => {
      for (let b = start; b < Math.min(count, start + 10_000); b += 500) {
        const rows: T[] = [];
        for (let i = b; i < Math.min(count, b + 500); i++) rows.push(make(i));
        await trx.insertInto(table).values(rows as never).execute();
      }
    });
  }
}

async function grow(database: Database, units: string[], people: string[], total: number): Promise<void> {
  const nAssist = Math.round(total * 0.6);
  const nAct = Math.round(total * 0.3);
  const nLoans = total - nAssist - nAct;
  await insertMany<Insertable<AssistanceTable>>(database, 'assistance', nAssist, (i) => ({
    id: newId(), org_id: units[i % units.length], person_id: people[(i * 7919) % people.length], household_id: null,
    program: programs[i % programs.length], form: forms[i % forms.length], amount_fen: 10_000 + (i % 977) * 137, goods: null, given_on: dateOf(i), funder: null, ...ledger(i, 'as'),
  }));
  await insertMany<Insertable<ActivityTable>>(database, 'activities', nAct, (i) => ({
    id: newId(), org_id: units[(i * 31) % units.length], name: `活动${i}`, type: types[i % types.length], start_on: dateOf(i), end_on: null,
    place: null, sessions: 1 + (i % 3), participants: 20 + (i % 50), target_groups: '妇女', ...ledger(i, 'ac'),
  }));
  await insertMany<Insertable<LoanTable>>(database, 'loans', nLoans, (i) => ({
    id: newId(), org_id: units[(i * 17) % units.length], person_id: people[(i * 104_729) % people.length], product_id: null, bank: '农业银行',
    principal_fen: 5_000_000 + (i % 50) * 100_000, term_months: 24, rate_bp: 435, subsidy_pct: 100, disbursed_on: dateOf(i), due_on: null,
    subsidy_fen: 20_000 + (i % 30) * 1_000, venture: null, status: '已放款', ...ledger(i, 'ln'),
  }));
}

async function main() {
  const { database, crypto, dir } = await benchDatabase();
  const ctx = systemCtx({ database, crypto, now: () => new Date('2026-06-15T02:00:00.000Z') }, 'bench');
  let t0 = performance.now();
  await seedDemo(ctx, { dataDir: dir, year, print() {} });
  const units = (await database.db.selectFrom('org_units').select('id').execute()).map((r) => r.id);
  const people = (await database.db.selectFrom('people').select('id').execute()).map((r) => r.id);
  process.stdout.write(`demo county seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s (${units.length} units, ${people.length} people)\n`);
  t0 = performance.now();
  await grow(database, units, people, records);
  await sql`analyze`.execute(database.db);
  const count = async (t: 'assistance' | 'activities' | 'loans') => Number((await database.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const sizes = { assistance: await count('assistance'), activities: await count('activities'), loans: await count('loans') };
  process.stdout.write(`grew by ${records.toLocaleString('en')} ledger records in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(sizes)}\n\n`);

  for (const run of [1, 2]) {
    let metricMs = 0;
    let metricCalls = 0;
    let targetsMs = 0;
    const timed: typeof computeMetric = async (c, input) => {
      const s = performance.now();
      try {
        return await computeMetric(c, input);
      } finally {
        metricMs += performance.now() - s;
        metricCalls++;
      }
    };
    const start = performance.now();
    const doc = await generateReport(ctx, { kind: 'annual', org: 'LD', year }, { computeMetric: timed, onTargets: (ms) => (targetsMs += ms) });
    const built = performance.now();
    const docx = await writeDocx(doc);
    const total = performance.now() - start;
    writeFileSync(join(dir, `report-${run}.docx`), docx);
    const pct = (ms: number) => ((100 * ms) / total).toFixed(1);
    process.stdout.write(
      `run ${run}: annual report of LD ${year} (docx ${(docx.length / 1024).toFixed(0)} KiB, ${doc.figures.length} figures, ${doc.targets.length} targets)\n` +
        `  whole generation            ${(total / 1000).toFixed(2)} s\n` +
        `  figure metric queries       ${(metricMs / 1000).toFixed(2)} s  (${metricCalls} computeMetric calls, ${pct(metricMs)} %)\n` +
        `  next year's targets         ${(targetsMs / 1000).toFixed(2)} s  (their actuals are metric queries, ${pct(targetsMs)} %)\n` +
        `  metric queries in all       ${pct(metricMs + targetsMs)} %\n` +
        `  check + render + docx       ${((total - metricMs - targetsMs) / 1000).toFixed(2)} s  (of which docx writing ${((total - (built - start)) / 1000).toFixed(2)} s)\n`,
    );
  }
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
