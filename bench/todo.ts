// Benchmark: 待办 (GET /api/v1/todo's work, and the bell's count) for three demo accounts — the county
// 妇联 clerk (fl), a township clerk (hy-fl) and the county case worker (xf-fl) — on the demo county, then
// with 1M ledger records added (700k assistance, 200k loans with due days spread over two years,
// 100k activities) in the demo's villages. Medians of 7; prints figures, asserts nothing.
// Run: npx tsx bench/todo.ts [ledgerRecords]
import { rmSync } from 'node:fs';
import { type Insertable, sql } from 'kysely';
import { addDays } from '../src/domain/cases/deadlines';
import { newId } from '../src/domain/ids';
import { roles, type Role } from '../src/domain/roles';
import type { Ctx, Grant } from '../src/server/context';
import type { AssistanceTable, LoanTable } from '../src/server/db/types';
import { seedDemo } from '../src/server/modules/demo/demo.seed';
import { collectTodo } from '../src/server/modules/todo/todo.service';
import { systemCtx } from '../src/server/runtime';
import { benchDatabase } from './fixtures';

const extra = Number(process.argv[2] ?? 1_000_000);
const now = () => new Date('2026-06-15T02:00:00.000Z');
const stamp = now().toISOString();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function userCtx(sys: Ctx, username: string): Promise<Ctx> {
  const u = await sys.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username).executeTakeFirstOrThrow();
  const grants = (await sys.db.selectFrom('user_grants').select(['role', 'org_id']).where('user_id', '=', u.id).execute())
    .filter((g) => (roles as readonly string[]).includes(g.role))
    .map((g): Grant => ({ role: g.role as Role, orgId: g.org_id }));
  return { ...sys, actor: { kind: 'user', id: u.id, username: u.username, displayName: u.display_name, grants } };
}

async function measure(label: string, ctxs: Ctx[]) {
  for (const ctx of ctxs) {
    const list: number[] = [];
    const count: number[] = [];
    let total = 0;
    for (let k = 0; k < 7; k++) {
      let t0 = performance.now();
      total = (await collectTodo(ctx, 20)).total;
      list.push(performance.now() - t0);
      t0 = performance.now();
      await collectTodo(ctx, 0);
      count.push(performance.now() - t0);
    }
    const name = ctx.actor.kind === 'user' ? ctx.actor.username : '';
    process.stdout.write(`  ${label.padEnd(22)} ${name.padEnd(7)} list ${median(list).toFixed(1).padStart(7)} ms   bell ${median(count).toFixed(1).padStart(7)} ms   (${total} to-dos)\n`);
  }
}

async function addLedgers(sys: Ctx, n: number) {
  const villages = (await sys.db.selectFrom('org_units').select('id').where('kind', '=', 'womens_branch').execute()).map((r) => r.id);
  const people = (await sys.db.selectFrom('people').select('id').limit(5000).execute()).map((r) => r.id);
  const ledger = (i: number, kind: string) => ({ note: null, natural_key: `bench-${kind}-${i}`, batch_id: null, created_by: null, created_at: stamp, updated_at: stamp, deleted_at: null, delete_reason: null });
  const nLoans = Math.round(n * 0.2);
  const nAid = n - nLoans;
  for (let start = 0; start < nAid; start += 20_000) {
    await sys.db.transaction().execute(async (trx) => {
      for (let b = start; b < Math.min(nAid, start + 20_000); b += 1000) {
        const rows: Insertable<AssistanceTable>[] = [];
        for (let i = b; i < Math.min(nAid, b + 1000); i++) {
          rows.push({ id: newId(), org_id: villages[i % villages.length], person_id: people[(i * 7919) % people.length], household_id: null, program: '送温暖', form: '现金', amount_fen: 10_000 + (i % 977), goods: null, given_on: addDays('2025-01-01', i % 530), funder: null, ...ledger(i, 'as') });
        }
        await trx.insertInto('assistance').values(rows).execute();
      }
    });
  }
  for (let start = 0; start < nLoans; start += 20_000) {
    await sys.db.transaction().execute(async (trx) => {
      for (let b = start; b < Math.min(nLoans, start + 20_000); b += 1000) {
        const rows: Insertable<LoanTable>[] = [];
        for (let i = b; i < Math.min(nLoans, b + 1000); i++) {
          const disbursed = addDays('2024-07-01', i % 700);
          rows.push({ id: newId(), org_id: villages[i % villages.length], person_id: people[(i * 7919) % people.length], product_id: null, bank: '农商银行', principal_fen: 5_000_000, term_months: 24, rate_bp: null, subsidy_pct: null, disbursed_on: disbursed, due_on: addDays(disbursed, 730), subsidy_fen: 0, venture: null, status: i % 3 === 0 ? '已还清' : '已放款', ...ledger(i, 'ln') });
        }
        await trx.insertInto('loans').values(rows).execute();
      }
    });
  }
}

async function main() {
  const { database, crypto, dir } = await benchDatabase();
  const sys = systemCtx({ database, crypto, now }, 'bench');
  const t0 = performance.now();
  await seedDemo(sys, { dataDir: dir, year: 2026, print: () => {} });
  process.stdout.write(`demo county seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s (${database.dialect})\n`);
  const ctxs = await Promise.all(['fl', 'hy-fl', 'xf-fl'].map((u) => userCtx(sys, u)));
  await measure('demo county', ctxs);
  const t1 = performance.now();
  await addLedgers(sys, extra);
  await sql`analyze`.execute(database.db);
  process.stdout.write(`added ${extra.toLocaleString('en')} ledger records in ${((performance.now() - t1) / 1000).toFixed(1)} s\n`);
  await measure(`+${(extra / 1e6).toString()}M ledger records`, ctxs);
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
