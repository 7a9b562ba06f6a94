import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { loadConfig } from '../../config';
import { buildTree, insertActivities, insertPeopleAndAssistance, type Tree } from './metrics.test-data';

let t: TestApp;
let u: Tree;
let headersT2: { authorization: string };

beforeAll(async () => {
  t = await createTestApp(); // clock 2026-06-15: default period 2026-01-01..2026-12-31
  u = await buildTree(t.sys);
  await insertActivities(t.sys, u);
  await insertPeopleAndAssistance(t.sys, u);
  headersT2 = (await t.userWith('viewer', u.t2.id)).headers;
});
afterAll(() => t.close());

const get = (url: string, headers = headersT2) => t.app.inject({ method: 'GET', url, headers });

describe('GET /api/v1/metrics', () => {
  it('lists the catalogue', async () => {
    const res = await get('/api/v1/metrics');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; unit: string; filters: string[] }[];
    expect(items.find((i) => i.code === 'loans.amount')).toMatchObject({ unit: '万元', filters: ['status', 'bank'] });
    expect(items.find((i) => i.code === 'activities.count')?.filters).toEqual(['type', 'target']);
    expect(items.length).toBeGreaterThanOrEqual(21);
  });

  it('computes a figure over the unit subtree with filters as query parameters or in braces, the period defaulting to this year', async () => {
    const res = await get(`/api/v1/metrics/activities.count?org=${u.t2.code}&type=${encodeURIComponent('培训|文体')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'activities.count', ref: 'activities.count{type=培训|文体}', value: 2, unit: '项', org: 'M-T2', orgName: '乙镇妇联', from: '2026-01-01', to: '2026-12-31', filters: { type: ['培训', '文体'] } });
    const braces = await get(`/api/v1/metrics/${encodeURIComponent('activities.count{type=培训}')}?org=${u.t2.id}`);
    expect(braces.json()).toMatchObject({ value: 1, org: 'M-T2' });
    const own = await get('/api/v1/metrics/assistance.amount?from=2026-06-01&to=2026-06-01');
    expect(own.json()).toMatchObject({ value: 200, unit: '元', fen: 20000, org: 'M-T2' });
  });

  it('answers 400 naming an unknown code or filter, or a bad date', async () => {
    const unknown = await get(`/api/v1/metrics/activities.cnt?org=${u.t2.code}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('activities.cnt');
    const filter = await get(`/api/v1/metrics/loans.amount?org=${u.t2.code}&colour=red`);
    expect(filter.statusCode).toBe(400);
    expect(filter.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'colour' }] });
    expect(filter.json().error.message).toContain('colour');
    expect((await get(`/api/v1/metrics/loans.amount?org=${u.t2.code}&from=2026-02-30`)).statusCode).toBe(400);
    expect((await get(`/api/v1/metrics/loans.amount?org=${u.t2.code}&from=2026-03-01&to=2026-02-01`)).statusCode).toBe(400);
  });

  it('answers 404 for a unit outside the caller scope, also for the records', async () => {
    for (const org of [u.t1.code, u.t1.id, u.v11.code, u.county.code]) {
      expect((await get(`/api/v1/metrics/activities.count?org=${org}`)).statusCode).toBe(404);
      expect((await get(`/api/v1/metrics/activities.count/records?org=${org}`)).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/metrics/activities.count?org=${u.t2.code}` })).statusCode).toBe(401);
  });

  it('lists the records a figure counts, paged, masked, summing to the value', async () => {
    const res = await get(`/api/v1/metrics/assistance.amount/records?org=${u.t2.code}&from=2025-01-01&to=2026-12-31&page=1&pageSize=1`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ value: 500, total: 2, page: 1, pageSize: 1 });
    expect(body.items).toEqual([{ ledger: 'assistance', id: 'S4', date: '2026-06-01', orgName: 'M-V21村妇联', label: '张**（送温暖）', contribution: 200, contributionFen: 20000 }]);
    const page2 = (await get(`/api/v1/metrics/assistance.amount/records?org=${u.t2.code}&from=2025-01-01&to=2026-12-31&page=2&pageSize=1`)).json();
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual(['S5']);
    expect(body.items[0].contribution + page2.items[0].contribution).toBe(body.value);
  });
});

// the spawned CLI runs on SQLite files; in the PostgreSQL run only the in-process tests run
describe.skipIf(Boolean(loadConfig().testDatabaseUrl))('quntuan metric (spawned, SQLite)', { timeout: 120_000 }, () => {
  const repoRoot = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quntuan-metric-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/quntuan.js'), ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      env: { DATABASE_URL: `file:${join(dir, 'q.db')}`, QUNTUAN_DATA_DIR: dir, QUNTUAN_SECRET: 'metric-cli-secret-metric-cli-secret-0123', NO_COLOR: '1' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints {code,value,unit,org,from,to} with --json, a sentence without, and exit 1 / 2 on bad input', () => {
    expect(cli(['org', 'add', 'CLI-CY', '--name', '某县妇联', '--kind', 'womens_federation']).code).toBe(0);
    expect(cli(['org', 'add', 'CLI-V1', '--name', '某村妇联', '--kind', 'womens_branch', '--parent', 'CLI-CY', '--established', '2026-03-01']).code).toBe(0);
    const json = cli(['metric', 'orgs.new{kind=womens_branch}', '--org', 'CLI-CY', '--from', '2026-01-01', '--to', '2026-12-31', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ code: 'orgs.new{kind=womens_branch}', value: 1, unit: '个', org: 'CLI-CY', from: '2026-01-01', to: '2026-12-31' });
    const plain = cli(['metric', 'orgs.count', '--org', 'CLI-CY', '--to', '2026-12-31', '--from', '2026-01-01']);
    expect(plain.stdout.trim()).toBe('orgs.count = 2 个（某县妇联，2026-01-01 至 2026-12-31）');
    const unknown = cli(['metric', 'orgs.cnt', '--org', 'CLI-CY']);
    expect([unknown.code, unknown.stderr.includes('orgs.cnt')]).toEqual([1, true]);
    const noOrg = cli(['metric', 'orgs.count', '--org', 'NOPE']);
    expect([noOrg.code, noOrg.stderr.includes('NOPE')]).toEqual([1, true]);
    expect(cli(['metric', 'orgs.count']).code).toBe(2);
  });
});
