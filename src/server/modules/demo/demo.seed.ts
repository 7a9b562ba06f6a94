import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { type Role, roleLabels } from '../../../domain/roles';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { randomPassword } from '../../security/crypto';
import { hashPassword } from '../../security/passwords';
import { appendAudit } from '../audit/audit.service';
import { addDesignation } from '../orgs/designations.service';
import { createOrg } from '../orgs/orgs.service';
import { ensurePeople } from '../people/people.bulk';
import { seedDemoTargets } from '../targets/targets.seed';
import { type LedgerCounts, writeDemoLedgers } from './demo.ledgers';
import { buildLedgerPlan } from './demo.ledgers-plan';
import { buildPeople } from './demo.people';
import { buildDemoPlan, lastDayFor } from './demo.plan';
import { type RestCounts, writeDemoRest } from './demo.rest';

/**
 * `quntuan seed demo` and the first `npm start`: the demo county (a 林甸县-like county of 大庆市),
 * its units, designations, ≈3 000 people, the year's ledger records (activities, assistance, loans,
 * households, contracts: demo.ledgers-plan.ts) and one login per main unit, in ONE transaction.
 * Idempotent: the settings key `demo_seeded` (or an existing root unit `DQ`) means it is done.
 * Content is deterministic given the year; only the passwords are random (written to
 * `<dataDir>/demo-users.txt`, mode 600, and printed once).
 */

export interface SeedDemoOptions {
  dataDir: string;
  year: number;
  print: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
}
export interface SeedDemoResult {
  created: boolean;
  units: number;
  people: number;
  users: number;
}

export const demoSettingKey = 'demo_seeded';
export const demoUsersFile = 'demo-users.txt';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  orgCode: string;
}

export const demoUsers: DemoUser[] = [
  { username: 'leader', displayName: '林甸县委领导', roles: ['leader'], orgCode: 'LD' },
  { username: 'zgh', displayName: '县总工会工作人员', roles: ['org_admin', 'staff'], orgCode: 'LD-ZGH' },
  { username: 'tw', displayName: '团县委工作人员', roles: ['org_admin', 'staff'], orgCode: 'LD-TW' },
  { username: 'fl', displayName: '县妇联工作人员', roles: ['org_admin', 'staff'], orgCode: 'LD-FL' },
  { username: 'kx', displayName: '县科协工作人员', roles: ['org_admin', 'staff'], orgCode: 'LD-KX' },
  { username: 'jggw', displayName: '县直机关工委工作人员', roles: ['org_admin', 'staff'], orgCode: 'LD-JGGW' },
  { username: 'dx', displayName: '县委党校工作人员', roles: ['org_admin', 'staff'], orgCode: 'LD-DX' },
  { username: 'hy-fl', displayName: '花园镇妇联联络员', roles: ['staff'], orgCode: 'LD-FL-T03' },
  { username: 'xf-fl', displayName: '县妇联信访代理', roles: ['case_worker'], orgCode: 'LD-FL' },
  { username: 'wq-zgh', displayName: '县总工会维权岗', roles: ['case_worker'], orgCode: 'LD-ZGH' },
];

interface Summary {
  year: number;
  units: number;
  designations: number;
  people: number;
  ledgers: LedgerCounts;
  rest: RestCounts;
  users: number;
  at: string;
}

/** What an earlier run left: the stored summary, or zeros when the root unit exists without it. */
async function alreadySeeded(ctx: Ctx): Promise<SeedDemoResult | null> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', demoSettingKey).executeTakeFirst();
  if (row) {
    const s = JSON.parse(row.value) as Partial<Summary>;
    return { created: false, units: s.units ?? 0, people: s.people ?? 0, users: s.users ?? 0 };
  }
  const root = await ctx.db.selectFrom('org_units').select('id').where('code', 'in', ['DQ', 'LD']).executeTakeFirst();
  return root ? { created: false, units: 0, people: 0, users: 0 } : null;
}

export async function seedDemo(ctx: Ctx, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  // already there: nothing to do and nothing to say (the server may call this on every start)
  const before = await alreadySeeded(ctx);
  if (before) {
    if (before.units === 0) opts.print('组织代码 DQ 或 LD 已被使用，未生成演示数据。');
    return before;
  }
  const started = Date.now();
  // milliseconds per phase, for the log
  const phases: Record<string, number> = {};
  let phaseStart = started;
  const phase = (name: string) => {
    phases[name] = Date.now() - phaseStart;
    phaseStart = Date.now();
  };
  const lastDay = lastDayFor(opts.year, shanghaiDate(ctx.now()));
  const plan = buildDemoPlan(opts.year, lastDay);
  const people = buildPeople(opts.year, plan.units);
  const ledgers = buildLedgerPlan(opts.year, lastDay, plan.units, people);
  // argon2 is slow on purpose: hash outside the write transaction
  const accounts = await Promise.all(
    demoUsers.map(async (u) => {
      const password = randomPassword(16);
      return { ...u, password, hash: await hashPassword(password) };
    }),
  );
  const total = plan.units.length + plan.designations.length + people.length + 1 + accounts.length;
  let done = 0;
  const tick = (n = 1) => {
    const before = done;
    done += n;
    if (opts.onProgress && (Math.floor(done / 25) > Math.floor(before / 25) || done === total)) opts.onProgress(done, total);
  };

  phase('prepare');
  const outcome = await inTransaction(ctx, async (tx) => {
    if (await alreadySeeded(tx)) return null; // another process got there first
    const ids = new Map<string, string>();
    const idOf = (code: string) => {
      const id = ids.get(code);
      if (!id) throw new Error(`demo seed: unit ${code} not created yet`);
      return id;
    };
    for (const u of plan.units) {
      const view = await createOrg(tx, {
        code: u.code,
        name: u.name,
        kind: u.kind,
        level: u.level,
        parentId: u.parentCode ? idOf(u.parentCode) : undefined,
        divisionCode: u.divisionCode,
        establishedOn: u.establishedOn,
        dissolvedOn: u.dissolvedOn,
      });
      ids.set(u.code, view.id);
      tick();
    }
    for (const d of plan.designations) {
      await addDesignation(tx, idOf(d.code), { title: d.title, level: d.level, year: d.year, awardedOn: d.awardedOn });
      tick();
    }
    phase('units');
    // people in bulk (500 a statement), the way an Excel import registers them
    const ensured = await ensurePeople(
      tx,
      people.map((p) => ({ name: p.name, idNumber: p.idNumber, phone: p.phone, ethnicity: p.ethnicity, address: p.address, categories: p.categories, orgId: idOf(p.orgCode) })),
      null,
    );
    if (ensured.errors.size > 0) throw new Error(`demo people refused: ${[...ensured.errors.values()].join('; ')}`);
    const personIds = people.map((p) => ensured.ids.get(p.idNumber) as string);
    tick(people.length);
    const unitByName = new Map(plan.units.map((u) => [u.name, u.code]));
    phase('people');
    const ledgerCounts = await writeDemoLedgers(tx, ledgers, people, {
      unitId: idOf,
      unitIdByName: (name) => {
        const code = unitByName.get(name);
        return code ? idOf(code) : null;
      },
      personIds,
    });
    tick();
    phase('ledgers');
    // this year's and next year's targets (二、工作安排), 县妇联's loan target split among its townships
    await seedDemoTargets(tx, opts.year);
    phase('targets');
    const created: typeof accounts = [];
    for (const a of accounts) {
      const clash = await tx.db.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst();
      if (clash) {
        opts.print(`用户名 ${a.username} 已存在，未创建该演示账号。`);
        tick();
        continue;
      }
      const id = newId();
      const now = nowIso(tx);
      const orgId = idOf(a.orgCode);
      await tx.db
        .insertInto('users')
        .values({ id, username: a.username, display_name: a.displayName, password_hash: a.hash, must_change_password: 1, created_at: now, updated_at: now })
        .execute();
      for (const role of a.roles) {
        await tx.db.insertInto('user_grants').values({ id: newId(), user_id: id, role, org_id: orgId, created_at: now }).execute();
      }
      await appendAudit(tx, { action: 'create', entity: 'user', entityId: id, orgId, detail: { username: a.username, roles: a.roles, org: a.orgCode, source: 'demo' } });
      created.push(a);
      tick();
    }
    // pairings, cases and selections (demo.rest.ts): after the users, who handle the cases
    const rest = await writeDemoRest(tx, { year: opts.year, lastDay, plan, people, ledgers, unitId: idOf, personIds });
    phase('rest');
    const summary: Summary = {
      year: opts.year,
      units: plan.units.length,
      designations: plan.designations.length,
      people: people.length,
      ledgers: ledgerCounts,
      rest,
      users: created.length,
      at: nowIso(tx),
    };
    await tx.db.insertInto('settings').values({ key: demoSettingKey, value: JSON.stringify(summary) }).execute();
    await appendAudit(tx, { action: 'seed', entity: 'demo', detail: { ...summary } });
    return { summary, created };
  });
  if (!outcome) {
    return (await alreadySeeded(ctx)) ?? { created: false, units: 0, people: 0, users: 0 };
  }

  const { summary, created } = outcome;
  const unitName = new Map(plan.units.map((u) => [u.code, u.name]));
  const lines = created.map((a) => [a.username, a.password, a.roles.map((r) => roleLabels[r]).join('、'), `${unitName.get(a.orgCode)}（${a.orgCode}）`].join('\t'));
  mkdirSync(opts.dataDir, { recursive: true });
  const file = join(opts.dataDir, demoUsersFile);
  writeFileSync(file, lines.length ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
  chmodSync(file, 0o600);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ledgerRecords = Object.values(summary.ledgers).reduce((n, x) => n + x, 0);
  opts.print(`已生成演示县（${opts.year} 年）：组织 ${summary.units} 个，荣誉 ${summary.designations} 项，人员 ${summary.people} 人，台账记录 ${ledgerRecords} 条，账号 ${summary.users} 个，用时 ${seconds} 秒。`);
  opts.print(`演示账号及初始密码（同时写入 ${file}，仅本机用户可读，请妥善保管）：`);
  for (const line of lines) opts.print(`  ${line.replaceAll('\t', '  ')}`);
  phase('users');
  ctx.log.info({ ...summary, seconds, phases }, 'demo county seeded');
  return { created: true, units: summary.units, people: summary.people, users: summary.users };
}
