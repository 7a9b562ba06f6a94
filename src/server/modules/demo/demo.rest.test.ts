import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';
import { deadlineView } from '../../../domain/cases/deadlines';
import type { CaseStatus } from '../../../domain/cases/flow';
import { computeMetric } from '../metrics/metrics.service';
import { buildCampaignPlans } from './demo.campaigns';
import { buildCasePlan } from './demo.cases';
import { buildLedgerPlan } from './demo.ledgers-plan';
import { buildPairingPlan } from './demo.pairings';
import { buildPeople } from './demo.people';
import { buildDemoPlan } from './demo.plan';
import { demoRestFigures } from './demo.rest-figures';
import { seedDemo } from './demo.seed';

// Seeded as on 2026-11-28 (Asia/Shanghai): every figure of demoRestFigures holds.
const today = '2026-11-28';
const year = 2026;
let t: TestApp;
let seconds = 0;

beforeAll(async () => {
  t = await createTestApp({ clock: testClock(`${today}T04:00:00.000Z`) });
  const started = Date.now();
  await seedDemo(t.sys, { dataDir: t.config.dataDir, year, print: () => {} });
  seconds = (Date.now() - started) / 1000;
}, 240_000);
afterAll(() => t.close());

function plans(lastDay: string) {
  const units = buildDemoPlan(year, lastDay).units;
  const people = buildPeople(year, units);
  const ledgers = buildLedgerPlan(year, lastDay, units, people);
  return { cases: buildCasePlan(year, lastDay, units), pairings: buildPairingPlan(year, lastDay, units, people, ledgers), campaigns: buildCampaignPlans(year, lastDay, people, ledgers) };
}

describe('demo cases, pairings and selections', () => {
  it('plans the same records for the same year and last day, dated in the year up to the last day', () => {
    expect(plans(today)).toEqual(plans(today));
    for (const lastDay of ['2026-01-01', '2026-04-10', '2026-12-31']) {
      const p = plans(lastDay);
      const dates = [
        ...p.cases.flatMap((c) => [c.registeredOn, c.acceptedOn, c.closed?.on].filter((d): d is string => Boolean(d))),
        ...p.pairings.pairings.flatMap((x) => [x.startedOn, ...x.visits]),
      ];
      for (const d of dates) expect(d >= `${year}-01-01` && d <= lastDay, `${d} after ${lastDay}`).toBe(true);
      for (const c of p.cases) if (c.closed) expect(c.closed.on >= (c.acceptedOn as string) && (c.acceptedOn as string) >= c.registeredOn).toBe(true);
      expect(p.campaigns.length).toBe(lastDay >= `${year}-10-23` ? 2 : 0);
    }
  });

  it('seeds them with the rest of the demo county', async () => {
    // printed for the notes, never asserted
    console.info(`demo seed with cases, pairings and selections: ${seconds.toFixed(1)} s (${t.database.dialect})`);
    const n = async (table: 'wishes' | 'wish_claims' | 'volunteer_teams' | 'volunteer_services') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect([await n('wishes'), await n('wish_claims'), await n('volunteer_teams')]).toEqual([8, 2, 2]);
    expect(await n('volunteer_services')).toBeGreaterThan(20);
    expect(Number((await t.database.db.selectFrom('campaign_votes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(3615);
  });

  it.each(demoRestFigures.map((f) => [`${f.org} ${f.code}${JSON.stringify(f.filters)} ${f.period}: ${f.says}`, f] as const))('yields %s through the metric engine', async (_, f) => {
    const to = f.period === 'year' ? `${year}-12-31` : `${year}-06-30`;
    const r = await computeMetric(t.sys, { code: f.code, filters: f.filters, org: f.org, from: `${year}-01-01`, to });
    expect(r.value).toBe(f.value);
  });

  it('leaves open cases for the inbox, some overdue, some due soon, and confidential ones encrypted', async () => {
    const rows = await t.database.db.selectFrom('cases').select(['status', 'due_accept_on', 'due_handle_on', 'confidential', 'summary', 'kind', 'handler_id', 'accepted_on']).execute();
    const states = rows.map((r) => deadlineView({ status: r.status as CaseStatus, dueAcceptOn: r.due_accept_on, dueHandleOn: r.due_handle_on }, today).state);
    expect(states.filter((s) => s === 'overdue').length).toBeGreaterThanOrEqual(3);
    expect(states.filter((s) => s === 'due_soon').length).toBeGreaterThanOrEqual(2);
    const secret = rows.filter((r) => Number(r.confidential));
    expect(new Set(secret.map((r) => r.kind))).toEqual(new Set(['困境儿童', '家庭暴力']));
    for (const r of secret) expect(t.sys.crypto.decrypt(r.summary).length).toBeGreaterThan(0);
    for (const r of rows) expect(Boolean(r.handler_id)).toBe(Boolean(r.accepted_on));
    const events = await t.database.db.selectFrom('case_events').select(['case_id', 'seq', 'to_status']).orderBy('case_id').orderBy('seq').execute();
    const last = new Map(events.map((e) => [e.case_id, e.to_status]));
    for (const r of await t.database.db.selectFrom('cases').select(['id', 'status']).execute()) expect(last.get(r.id)).toBe(r.status);
  });

  it('ranks the winners of each selection as the service would: the top by score and votes', async () => {
    const noms = await t.database.db.selectFrom('campaign_nominations as n').innerJoin('campaigns as c', 'c.id', 'n.campaign_id')
      .select(['c.kind', 'n.id', 'n.winner', 'n.public_name']).execute();
    expect(noms.filter((n) => n.winner === 1)).toHaveLength(30);
    for (const n of noms) expect(n.public_name).toMatch(/\*/);
  });
});
