// Benchmark: metric latency (assistance.amount, assistance.beneficiaries, activities.count over the
// county and over one township) at 10k, 100k and 1M assistance records (and a tenth as many
// activities), inserted directly in batches. Prints medians; asserts nothing.
// Run: npx tsx bench/metrics.ts [maxRecords]
import { rmSync } from 'node:fs';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { newId } from '../src/domain/ids';
import type { Database } from '../src/server/db/database';
import type { ActivityTable, AssistanceTable } from '../src/server/db/types';
import { computeMetric } from '../src/server/modules/metrics/metrics.service';
import { listAssistance } from '../src/server/modules/assistance/assistance.service';
import { benchDatabase, buildCounty, insertPeople } from './fixtures';

const maxRecords = Number(process.argv[2] ?? 1_000_000);
const peopleCount = 20_000;
const programs = ['送温暖', '一帮一', '春蕾计划', '母亲邮包', '助学', '就业援助', '医疗救助'];
const forms = ['现金', '物资', '服务', '就业'];
const types = ['培训', '宣讲', '党课', '会议', '公益', '文体'];
const stamp = new Date().toISOString();

function dateOf(i: number): string {
  // two years, 2025 and 2026, so the 2026 figures read about half of the rows
  const d = new Date(Date.UTC(2025, 0, 1) + (i % 730) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const ledger = (i: number, kind: string) => ({
  note: null, natural_key: `${kind}-${i}`, batch_id: null, created_by: null, created_at: stamp, updated_at: stamp,
  deleted_at: i % 50 === 0 ? stamp : null, delete_reason: i % 50 === 0 ? '录入错误' : null,
});

async function insertAssistance(database: Database, villages: string[], people: string[], from: number, to: number) {
  const batch = 1000;
  for (let start = from; start < to; start += batch * 20) {
    await database.db.transaction().execute(async (trx) => {
      for (let b = start; b < Math.min(to, start + batch * 20); b += batch) {
        const rows: Insertable<AssistanceTable>[] = [];
        for (let i = b; i < Math.min(to, b + batch); i++) {
          rows.push({
            id: newId(), org_id: villages[i % villages.length], person_id: people[(i * 7919) % people.length], household_id: null,
            program: programs[i % programs.length], form: forms[i % forms.length], amount_fen: 10_000 + (i % 977) * 137, goods: null,
            given_on: dateOf(i), funder: null, ...ledger(i, 'as'),
          });
        }
        await trx.insertInto('assistance').values(rows).execute();
      }
    });
  }
}

async function insertActivities(database: Database, villages: string[], from: number, to: number) {
  for (let start = from; start < to; start += 1000) {
    const rows: Insertable<ActivityTable>[] = [];
    for (let i = start; i < Math.min(to, start + 1000); i++) {
      rows.push({
        id: newId(), org_id: villages[i % villages.length], name: `活动${i}`, type: types[i % types.length], start_on: dateOf(i), end_on: null,
        place: null, sessions: 1 + (i % 3), participants: 20 + (i % 50), target_groups: '妇女', ...ledger(i, 'ac'),
      });
    }
    await database.db.insertInto('activities').values(rows).execute();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const { database, crypto, dir } = await benchDatabase();
  const { county, towns, villages, ctx } = await buildCounty(database, crypto);
  await insertPeople(database, crypto, villages, 0, peopleCount);
  const people = (await database.db.selectFrom('people').select('id').execute()).map((r) => r.id);
  const units = Number((await database.db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const period = { from: '2026-01-01', to: '2026-12-31' };
  const cases = [
    ['assistance.amount', county.code],
    ['assistance.amount', towns[0].code],
    ['assistance.beneficiaries', county.code],
    ['assistance.beneficiaries', towns[0].code],
    ['activities.count', county.code],
    ['activities.count', towns[0].code],
    ['assistance.amount{program=春蕾计划|助学}', county.code],
  ] as const;
  const lines: string[] = [];
  const listLines: string[] = [];
  let have = 0;
  for (const size of [10_000, 100_000, 1_000_000].filter((n) => n <= maxRecords)) {
    const t0 = performance.now();
    await insertAssistance(database, villages, people, have, size);
    await insertActivities(database, villages, have / 10, size / 10);
    have = size;
    await sql`analyze`.execute(database.db);
    process.stdout.write(`grew to ${size.toLocaleString('en')} assistance records (+${(size / 10).toLocaleString('en')} activities) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    for (const [code, org] of cases) {
      const runs: number[] = [];
      let value = 0;
      for (let k = 0; k < 7; k++) {
        const start = performance.now();
        value = (await computeMetric(ctx, { code, org, ...period })).value;
        runs.push(performance.now() - start);
      }
      lines.push(`  ${size.toLocaleString('en').padStart(9)}  ${code.padEnd(42)} ${org === county.code ? 'county  ' : 'township'}  ${median(runs).toFixed(1).padStart(7)} ms  (value ${value})`);
    }
    // the 帮扶救助台账 list page a county user opens: the first page counts the total; the next pages
    // (no write in between) take it from the count cache (db/count-cache.ts)
    const page = async (n: number) => {
      const start = performance.now();
      const r = await listAssistance(ctx, { orgId: county.id, page: n, pageSize: 20, includeDeleted: 'false' } as Parameters<typeof listAssistance>[1]);
      return { ms: performance.now() - start, total: r.total };
    };
    await database.db.updateTable('data_versions').set((eb) => ({ version: eb('version', '+', 1) })).where('name', '=', 'assistance').execute();
    const first = await page(1);
    const next: number[] = [];
    for (let k = 2; k <= 8; k++) next.push((await page(k)).ms);
    listLines.push(`  ${size.toLocaleString('en').padStart(9)}  first page ${first.ms.toFixed(1).padStart(7)} ms (counts ${first.total.toLocaleString('en')}), next pages ${median(next).toFixed(1).padStart(6)} ms`);
  }
  const plan = await sql<{ detail: string }>`explain query plan select coalesce(sum(s.amount_fen), 0) from assistance s
    where s.deleted_at is null and s.org_id in (select oc.descendant_id from org_closure oc where oc.ancestor_id = ${county.id})
    and s.given_on >= '2026-01-01' and s.given_on <= '2026-12-31'`.execute(database.db);
  const plan2 = await sql<{ detail: string }>`explain query plan select count(distinct s.person_id) from assistance s
    where s.deleted_at is null and s.org_id in (select oc.descendant_id from org_closure oc where oc.ancestor_id = ${county.id})
    and s.given_on >= '2026-01-01' and s.given_on <= '2026-12-31'`.execute(database.db);
  process.stdout.write(`\nassistance.beneficiaries plan: ${plan2.rows.map((r) => r.detail).join(' | ')}\n`);
  process.stdout.write(`\nmetric latency, median of 7 (SQLite, period 2026, ${peopleCount.toLocaleString('en')} people, ${units} units):\n${lines.join('\n')}\n`);
  process.stdout.write(`\nassistance list, county user's view, 20 a page (median of 7 for the next pages):\n${listLines.join('\n')}\n`);
  process.stdout.write(`\nassistance.amount plan: ${plan.rows.map((r) => r.detail).join(' | ')}\n`);
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
