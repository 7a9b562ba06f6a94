import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

/**
 * Two clerks press a button on the same case at the same moment. Whichever database serializes the
 * two requests (SQLite runs one transaction after the other, PostgreSQL lets both read the old row),
 * the loser is told 409 已被他人处理，请刷新 — not a 422 about a step it did not ask for.
 */
let t: TestApp;
type Headers = { authorization: string };
let unit: { id: string };
let cw1: Headers;
let cw1Id: string;
let cw2: Headers;

const act = (headers: Headers, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/transitions`, headers, payload: body });
async function create(): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: cw1, payload: { kind: '信访', channel: '来访', summary: '反映拖欠工资', orgId: unit.id } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
}
const events = async (id: string) => (await t.database.db.selectFrom('case_events').select('action').where('case_id', '=', id).orderBy('seq').execute()).map((e) => e.action);
const transitionsAudited = async (id: string) =>
  (await t.database.db.selectFrom('audit_log').select('id').where('entity', '=', 'case').where('entity_id', '=', id).where('action', '=', 'transition').execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  unit = await buildUnit(t.sys, { code: 'race-town', name: '某镇妇联', kind: 'womens_federation' });
  const one = await t.userWith('case_worker', unit.id, 'cw-one');
  cw1 = one.headers;
  cw1Id = one.id;
  cw2 = (await t.userWith('case_worker', unit.id, 'cw-two')).headers;
});
afterAll(() => t.close());

describe('concurrent case transitions', () => {
  it('two clerks accept the same case at once: one wins, the other gets 409 已被他人处理，请刷新', async () => {
    for (let round = 0; round < 3; round += 1) {
      const id = await create();
      const results = await Promise.all([act(cw1, id, { action: 'accept' }), act(cw2, id, { action: 'accept' })]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      expect(loser?.json().error).toMatchObject({ code: 'CONFLICT', message: '已被他人处理，请刷新' });
      expect(await events(id)).toEqual(['register', 'accept']);
      expect(await transitionsAudited(id)).toBe(1);
    }
  });

  it('one accepts while the other refuses (不予受理): one step is recorded, the other is 409', async () => {
    const id = await create();
    const results = await Promise.all([act(cw1, id, { action: 'accept' }), act(cw2, id, { action: 'reject', reason: '不属于受理范围' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().error.message).toBe('已被他人处理，请刷新');
    const status = (await t.database.db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const winner = results.find((r) => r.statusCode === 200)?.json().status;
    expect(status).toBe(winner);
    expect((await events(id)).length).toBe(2);
  });

  it('two clerks close the same case at once: one 办结, one 409', async () => {
    const id = await create();
    expect((await act(cw1, id, { action: 'accept' })).statusCode).toBe(200);
    expect((await act(cw1, id, { action: 'assign', handlerId: cw1Id })).statusCode).toBe(200);
    const close = { action: 'close', outcome: '化解', outcomeText: '已协调发放工资' };
    const results = await Promise.all([act(cw1, id, close), act(cw2, id, close)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await events(id)).filter((a) => a === 'close')).toEqual(['close']);
  });

  it('an action the flow never allowed from the step before stays 422 with the current status named', async () => {
    const id = await create();
    expect((await act(cw1, id, { action: 'accept' })).statusCode).toBe(200);
    const res = await act(cw2, id, { action: 'archive' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('个案当前状态为“受理”，不能“归档”；可进行的操作：指派承办人、转办');
  });
});
