import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { loadConfig } from '../../../server/config';
import { prepareExport } from './export';
import { runImport } from './import.service';
import { sheetBuffer } from './imports.fixtures';
import type { ImportKind } from './kinds/types';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

async function county(t: TestApp) {
  const root = await buildUnit(t.sys, { code: 'RT', name: '润通县妇联', kind: 'womens_federation' });
  await buildUnit(t.sys, { code: 'RT-1', name: '润通镇妇联', kind: 'womens_branch', parentId: root.id });
  await buildUnit(t.sys, { code: 'RT-2', name: '润通乡妇联', kind: 'womens_branch', parentId: root.id });
  return root.id;
}

async function exportOf(t: TestApp, kind: ImportKind, orgId: string): Promise<Buffer> {
  const run = await prepareExport(t.sys, kind, { orgId, from: '2026-01-01', to: '2026-12-31' }, { idNumbers: true, contacts: true });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  // the writer's promise settles before the last zip bytes have flowed through: wait for the end
  const ended = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await run(out);
  await ended;
  return Buffer.concat(chunks);
}

async function figures(t: TestApp) {
  const db = t.sys.db;
  const one = async <T>(q: Promise<T | undefined>) => q as Promise<T>;
  const a = await one(db.selectFrom('assistance').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('fen')]).where('deleted_at', 'is', null).executeTakeFirst());
  const act = await one(db.selectFrom('activities').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('participants').as('p'), eb.fn.sum<number>('sessions').as('s')]).executeTakeFirst());
  const out = await one(db.selectFrom('activity_outcomes').select((eb) => [eb.fn.sum<number>('value').as('v')]).executeTakeFirst());
  const partners = await one(db.selectFrom('activity_partners').select((eb) => [eb.fn.countAll<number>().as('n')]).where('org_id', 'is not', null).executeTakeFirst());
  const l = await one(db.selectFrom('loans').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('principal_fen').as('p'), eb.fn.sum<number>('subsidy_fen').as('s')]).executeTakeFirst());
  const people = await one(db.selectFrom('people').select((eb) => [eb.fn.countAll<number>().as('n')]).executeTakeFirst());
  const byUnit = await db.selectFrom('assistance as x').innerJoin('org_units as u', 'u.id', 'x.org_id').select(['u.code', (eb) => eb.fn.sum<number>('x.amount_fen').as('fen')]).groupBy('u.code').orderBy('u.code').execute();
  return JSON.parse(JSON.stringify({ a, act, out, partners, l, people, byUnit: byUnit.map((b) => [b.code, Number(b.fen)]) }, (_k, v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v)));
}

describe('export → import into a fresh installation', () => {
  it('gives identical counts and sums', async () => {
    const a = await createTestApp();
    apps.push(a);
    const rootA = await county(a);
    const ids = Array.from({ length: 5 }, () => buildIdNumber());
    const files: Record<string, Buffer> = {
      people: await sheetBuffer([['姓名', '身份证号', '手机号', '人员类别', '所属组织'], ['王秀英', ids[0], '13904591234', '妇女', 'RT-1'], ['陈静', ids[4], null, null, null]]),
      assistance: await sheetBuffer([
        ['姓名', '身份证号', '帮扶项目', '帮扶形式', '金额（万元）', '物资', '日期', '所属组织', '备注'],
        ['王秀英', ids[0], '送温暖', '现金', 0.05, null, '2026-01-20', 'RT-1', '=1+1'],
        ['李桂兰', ids[1], '春蕾计划', '现金', 0.123456, null, '2026-03-08', 'RT-2', null],
        ['刘芳', ids[2], '母亲邮包', '物资', null, '邮包一个', '2026-05-01', null, '-'],
      ]),
      activities: await sheetBuffer([
        ['活动名称', '活动类型', '开始日期', '参与人次', '场次', '主办单位', '联合单位', '成果', '对象'],
        ['巾帼培训', '培训', '2026-03-08', 120, 3, 'RT-1', '润通乡妇联、县人社局', '签订就业合同150份；解决问题235个', '农村妇女、创业女性'],
        ['宣讲', '宣讲', '2026-04-01', 45, null, null, null, null, null],
      ]),
      loans: await sheetBuffer([
        ['借款人', '身份证号', '贷款金额(万元)', '放款日期', '期限(月)', '贴息金额(元)', '贷款银行', '所属组织'],
        ['周明', ids[3], 10.5, '2026-04-10', 24, 4350.5, '农村信用社', 'RT-2'],
        ['王秀英', ids[0], 3, null, null, null, null, null],
      ]),
    };
    for (const kind of ['people', 'assistance', 'activities', 'loans'] as const) {
      const r = await runImport(a.sys, { kind, orgId: rootA, filename: `${kind}.xlsx`, content: files[kind] });
      expect(r.errors, kind).toEqual([]);
    }
    const b = await createTestApp();
    apps.push(b);
    const rootB = await county(b);
    for (const kind of ['people', 'assistance', 'activities', 'loans'] as const) {
      const r = await runImport(b.sys, { kind, orgId: rootB, filename: `${kind}-export.xlsx`, content: await exportOf(a, kind, rootA) });
      expect(r.errors, kind).toEqual([]);
      expect(r.duplicates, kind).toBe(0);
    }
    const fa = await figures(a);
    expect(fa.a).toEqual({ n: 3, fen: 173456 });
    expect(await figures(b)).toEqual(fa);
    const note = await b.sys.db.selectFrom('assistance').select('note').where('note', 'is not', null).orderBy('note').execute();
    expect(note.map((n) => n.note)).toEqual(['-', '=1+1']);
  });
});

const onPostgresRun = Boolean(loadConfig().testDatabaseUrl);
const repoRoot = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

describe.skipIf(onPostgresRun)('quntuan import / export (spawned CLI)', () => {
  it('prints the contract JSON, exits 1 on input errors and 0 when clean; export writes the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quntuan-import-cli-'));
    const cli = (args: string[]) => {
      const r = spawnSync(process.execPath, [join(repoRoot, 'bin/quntuan.js'), ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: { DATABASE_URL: `file:${join(dir, 'q.db')}`, QUNTUAN_DATA_DIR: dir, QUNTUAN_SECRET: 'cli-import-secret-cli-import-secret-0123', NO_COLOR: '1' },
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    try {
      expect(cli(['org', 'add', 'CL', '--name', '城郊县妇联', '--kind', 'womens_federation']).code).toBe(0);
      const id = buildIdNumber();
      const file = join(dir, 'a.xlsx');
      writeFileSync(file, await sheetBuffer([['姓名', '身份证号', '帮扶项目', '金额', '日期'], ['王秀英', id, '送温暖', 500, '2026-01-10'], ['李桂兰', 230623198503082000, '送温暖', 300, '2026-01-11']]));
      const bad = cli(['import', 'assistance', file, '--org', 'CL', '--json', '--errors', join(dir, 'e.xlsx')]);
      expect(bad.code).toBe(1);
      const json = JSON.parse(bad.stdout);
      expect(Object.keys(json)).toEqual(['kind', 'rows', 'accepted', 'rejected', 'duplicates', 'errors']);
      expect(json).toMatchObject({ kind: 'assistance', rows: 2, accepted: 1, rejected: 1, duplicates: 0, errors: [{ row: 3, column: '身份证号' }] });
      expect(existsSync(join(dir, 'e.xlsx'))).toBe(true);
      const ok = cli(['import', 'assistance', file, '--org', 'CL', '--json', '--accept-valid']);
      expect(ok.code).toBe(1);
      expect(JSON.parse(ok.stdout)).toMatchObject({ accepted: 1 });
      expect(cli(['import', 'assistance', '--org', 'CL']).code).toBe(2);
      const out = join(dir, 'out.xlsx');
      const exp = cli(['export', 'assistance', '--org', 'CL', '--from', '2026-01-01', '--to', '2026-12-31', '-o', out]);
      expect(exp.code).toBe(0);
      const again = cli(['import', 'assistance', out, '--org', 'CL', '--json']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ rows: 1, accepted: 0, duplicates: 1, errors: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
