import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';
import { monthRange } from '../../../domain/dashboard/figures';
import { computeMetric } from '../metrics/metrics.service';
import { seedDemo } from '../demo/demo.seed';
import { listTargets } from '../targets/targets.service';
import type { Dashboard } from './dashboard.service';

// The demo county seeded as on 2026-11-28 (Asia/Shanghai); the leader of 林甸县委 opens the dashboard.
let t: TestApp;
let leader: { authorization: string };
let dash: Dashboard;
const ids = new Map<string, string>();

async function get(url: string, headers: object) {
  return t.app.inject({ method: 'GET', url, headers: headers as Record<string, string> });
}

/** The figure as the metrics service computes it on its own (system actor, no dashboard code involved). */
async function metric(link: { code: string; org: string; from: string; to: string }): Promise<number> {
  return (await computeMetric(t.sys, { code: link.code, org: link.org, from: link.from, to: link.to })).value;
}

beforeAll(async () => {
  t = await createTestApp({ clock: testClock('2026-11-28T04:00:00.000Z') });
  await seedDemo(t.sys, { dataDir: t.config.dataDir, year: 2026, print: () => {} });
  for (const u of await t.database.db.selectFrom('org_units').select(['id', 'code']).where('code', 'in', ['LD', 'LD-FL', 'LD-FL-T03', 'LD-ZGH']).execute()) ids.set(u.code, u.id);
  leader = (await t.userWith('leader', ids.get('LD') as string, 'dash-leader')).headers;
  const res = await get('/api/v1/dashboard', leader);
  expect(res.statusCode, res.body).toBe(200);
  dash = res.json() as Dashboard;
}, 300_000);
afterAll(() => t.close());

describe('leaders dashboard on the demo county', () => {
  it('shows the county to a leader of the 县委, with each mass organization', () => {
    expect(dash.unit.code).toBe('LD');
    expect(dash.year).toBe(2026);
    expect(dash.organizations.map((o) => o.code)).toEqual(['LD-ZGH', 'LD-TW', 'LD-FL', 'LD-KX', 'LD-JGGW', 'LD-DX']);
    const fl = dash.organizations.find((o) => o.code === 'LD-FL');
    expect(fl?.figures.find((f) => f.code === 'loans.amount')?.value).toBe(8736);
    const zgh = dash.organizations.find((o) => o.code === 'LD-ZGH');
    expect(zgh?.figures.find((f) => f.code === 'orgs.count{kind=grassroots_union}')?.value).toBe(334);
  });

  it('every figure of the cards and the township comparison equals the metric computed independently', async () => {
    const figures = [...dash.organizations.flatMap((o) => o.figures), ...dash.townships.flatMap((u) => u.figures)];
    expect(figures.length).toBeGreaterThan(40);
    for (const f of figures) {
      expect(f.link.code).toBe(f.code);
      expect({ code: f.code, org: f.link.org, value: f.value }).toEqual({ code: f.code, org: f.link.org, value: await metric(f.link) });
    }
    expect(figures.some((f) => f.value > 0)).toBe(true);
  });

  it('compares the 24 township bodies (乡镇工会, 乡镇团委, 乡镇妇联) under their county organization', () => {
    expect(dash.townships).toHaveLength(24);
    const women = dash.townships.filter((u) => u.parentCode === 'LD-FL');
    expect(women.map((u) => u.code)).toEqual(['LD-FL-T01', 'LD-FL-T02', 'LD-FL-T03', 'LD-FL-T04', 'LD-FL-T05', 'LD-FL-T06', 'LD-FL-T07', 'LD-FL-T08']);
    const loans = women.map((u) => u.figures.find((f) => f.code === 'loans.amount')?.value ?? 0);
    // the townships' loans add up to the county 妇联's (all loans are entered by township units or below)
    expect(Math.round(loans.reduce((s, v) => s + v, 0) * 10000)).toBe(8736 * 10000);
  });

  it('monthly trends: each month equals the metric over that month, and the months add up to the year', async () => {
    expect(dash.trends.months).toHaveLength(12);
    for (const s of dash.trends.series) {
      for (const [i, m] of dash.trends.months.entries()) {
        const { from, to } = monthRange(m);
        expect(dash.trends.monthLinks[i]).toEqual({ from, to });
        expect({ code: s.code, month: m, value: s.values[i] }).toEqual({ code: s.code, month: m, value: await metric({ code: s.code, org: 'LD', from, to }) });
      }
      const year = await metric({ code: s.code, org: 'LD', from: '2026-01-01', to: '2026-12-31' });
      expect(s.total).toBe(year);
      expect(s.values.reduce((a, v) => a + v, 0)).toBeCloseTo(year, 4);
    }
    const participants = dash.trends.series.find((s) => s.code === 'activities.participants');
    expect(participants?.total).toBeGreaterThan(0);
  });

  it("shows each organization's targets for the year as the targets service evaluates them", async () => {
    const listed = await listTargets(t.sys, { year: 2026, orgId: ids.get('LD') });
    const shown = dash.organizations.flatMap((o) => o.targets);
    expect(shown.map((x) => x.id).sort()).toEqual(listed.items.map((x) => x.id).sort());
    expect(dash.otherTargets).toEqual([]);
    const fl = dash.organizations.find((o) => o.code === 'LD-FL');
    const loanTarget = fl?.targets.find((x) => x.metric === 'loans.amount');
    expect(loanTarget).toMatchObject({ value: 8000, actual: 8736, status: 'met', parts: 8, statusLabel: '已完成' });
    expect(dash.expectedProgress).toBe(listed.expectedProgress);
    // the seed's seven targets of the year, each linked to the records of its figure
    expect(shown.map((x) => Boolean(x.link))).toEqual(Array(7).fill(true));
    for (const x of shown) {
      const item = listed.items.find((i) => i.id === x.id);
      expect({ actual: x.actual, progress: x.progress, status: x.status }).toEqual({ actual: item?.actual, progress: item?.progress, status: item?.status });
      if (x.link) expect(x.actual).toBe(await metric(x.link));
    }
    const dx = dash.organizations.find((o) => o.code === 'LD-DX');
    expect(dx?.targets.length).toBeGreaterThan(0);
  });

  it('per-organization dashboard: the same shape for one unit, by id or code', async () => {
    const byId = await get(`/api/v1/dashboard/org/${ids.get('LD-FL')}?year=2026`, leader);
    expect(byId.statusCode, byId.body).toBe(200);
    const one = byId.json() as Dashboard;
    expect(one.unit.code).toBe('LD-FL');
    expect(one.organizations.map((o) => o.code)).toEqual(['LD-FL']);
    expect(one.organizations[0].figures).toEqual(dash.organizations.find((o) => o.code === 'LD-FL')?.figures);
    expect(one.townships.map((u) => u.parentCode)).toEqual(Array(8).fill('LD-FL'));
    const byCode = (await get('/api/v1/dashboard?org=LD-FL&year=2026', leader)).json() as Dashboard;
    expect(byCode).toEqual(one);
  });

  it('reporting completeness on the seed: by the records’ own dates, not the day the seed wrote them', () => {
    const c = dash.completeness;
    expect(c.thisMonth).toMatchObject({ month: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(c.lastMonth.month).toBe('2026-10');
    expect(c.units.length).toBe(30); // 6 county organizations + 3 × 8 township bodies
    // the seed wrote every record today, but dated them over the year: October has records too
    expect(c.lastMonth.missing.length).toBeLessThan(30);
    expect(c.units.reduce((n, u) => n + u.lastMonth, 0)).toBeGreaterThan(0);
    // a body without records of its own subtree is listed; one with records is not
    for (const u of c.units) {
      expect(c.thisMonth.missing.some((m) => m.id === u.id)).toBe(u.thisMonth === 0);
      expect(c.lastMonth.missing.some((m) => m.id === u.id)).toBe(u.lastMonth === 0);
    }
  });
});

describe('dashboard scope', () => {
  it('a township user sees only its own subtree; other units are 404', async () => {
    const town = (await t.userWith('staff', ids.get('LD-FL-T03') as string, 'dash-town')).headers;
    const own = await get('/api/v1/dashboard', town);
    expect(own.statusCode, own.body).toBe(200);
    const d = own.json() as Dashboard;
    expect(d.unit.code).toBe('LD-FL-T03');
    expect(d.organizations.map((o) => o.code)).toEqual(['LD-FL-T03']);
    expect(d.townships.map((u) => u.code)).toEqual(['LD-FL-T03']);
    expect(d.completeness.units.map((u) => u.code)).toEqual(['LD-FL-T03']);
    expect(JSON.stringify(d)).not.toContain('LD-FL-T01');
    for (const url of ['/api/v1/dashboard?org=LD-ZGH', `/api/v1/dashboard?orgId=${ids.get('LD')}`, `/api/v1/dashboard/org/${ids.get('LD-FL')}`, '/api/v1/dashboard/org/LD']) {
      const res = await get(url, town);
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('rejects a year out of range, naming the field in Chinese', async () => {
    const res = await get('/api/v1/dashboard?year=1999', leader);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('年度应在 2000—2100 之间');
  });

  it('needs a login and ledger.read', async () => {
    expect((await get('/api/v1/dashboard', {})).statusCode).toBe(401);
    const caseWorker = (await t.userWith('case_worker', ids.get('LD-FL') as string, 'dash-cw')).headers;
    expect((await get('/api/v1/dashboard', caseWorker)).statusCode).toBe(403);
  });
});
