import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { buildActivity, buildAssistance, buildContract } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

// 批量操作 on a county built here: 某县妇联 → 甲镇妇联 (with its clerk), 乙镇妇联. A batch is one audited
// action, refused whole when any record is outside the caller's scope, and undone whole.
let t: TestApp;
const u: Record<string, { id: string; code: string }> = {};
let county: { authorization: string };
let clerkA: { authorization: string };
let personA: { id: string };
const assistanceA: string[] = [];
let assistanceB: string;

const auditCount = async (action: string) => Number((await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);
const liveIn = async (table: 'assistance' | 'activities', orgId: string) =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);

async function call(method: 'GET' | 'POST', url: string, headers: object, payload?: object) {
  return t.app.inject({ method, url, headers: headers as Record<string, string>, payload });
}

beforeAll(async () => {
  t = await createTestApp();
  u.county = await buildUnit(t.sys, { code: 'PL', name: '某县妇联', kind: 'womens_federation' });
  u.a = await buildUnit(t.sys, { code: 'PL-A', name: '甲镇妇联', kind: 'womens_federation', parentId: u.county.id });
  u.b = await buildUnit(t.sys, { code: 'PL-B', name: '乙镇妇联', kind: 'womens_federation', parentId: u.county.id });
  county = (await t.userWith('staff', u.county.id, 'pl-county')).headers;
  clerkA = (await t.userWith('staff', u.a.id, 'pl-clerk-a')).headers;
  personA = await buildPerson(t.sys, { orgId: u.a.id, gender: '女' });
  for (let i = 0; i < 20; i++) assistanceA.push((await buildAssistance(t.sys, { orgId: u.a.id, personId: personA.id, givenOn: `2026-02-${String(i + 1).padStart(2, '0')}` })).id);
  assistanceB = (await buildAssistance(t.sys, { orgId: u.b.id, personId: personA.id })).id;
});
afterAll(() => t.close());

describe('batch delete and its undo', () => {
  it('one row outside the caller’s scope refuses the whole batch: nothing changes, nothing is audited', async () => {
    const before = await auditCount('batch_delete');
    const res = await call('POST', '/api/v1/batch-actions/delete', clerkA, { target: 'assistance', ids: [...assistanceA.slice(0, 3), assistanceB], reason: '重复录入' });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.message).toBe('所选 4 条帮扶记录中有 1 条不存在、已删除或不在您的管理范围内，整批未执行（没有修改任何记录）');
    expect(await liveIn('assistance', u.a.id)).toBe(20);
    expect(await liveIn('assistance', u.b.id)).toBe(1);
    expect(await auditCount('batch_delete')).toBe(before);
    expect(await t.database.db.selectFrom('batch_actions').selectAll().execute()).toEqual([]);
  });

  it('20 rows deleted with one reason as one audited action; undo brings all 20 back', async () => {
    const before = await auditCount('batch_delete');
    const res = await call('POST', '/api/v1/batch-actions/delete', clerkA, { target: 'assistance', ids: assistanceA, reason: '导入错了单位' });
    expect(res.statusCode, res.body).toBe(201);
    const action = res.json() as { id: string; count: number; action: string; targetLabel: string; reason: string; undoneAt: string | null };
    expect(action).toMatchObject({ count: 20, action: 'delete', targetLabel: '帮扶', reason: '导入错了单位', undoneAt: null });
    expect(await liveIn('assistance', u.a.id)).toBe(0);
    expect(await auditCount('batch_delete')).toBe(before + 1);
    const list = await call('GET', `/api/v1/assistance?orgId=${u.a.id}`, clerkA);
    expect((list.json() as { total: number }).total).toBe(0);
    const deleted = await t.database.db.selectFrom('assistance').select('delete_reason').where('id', 'in', assistanceA).execute();
    expect(new Set(deleted.map((d) => d.delete_reason))).toEqual(new Set(['导入错了单位']));

    // another township's clerk cannot see or undo it
    const clerkB = (await t.userWith('staff', u.b.id, 'pl-clerk-b')).headers;
    expect((await call('GET', `/api/v1/batch-actions/${action.id}`, clerkB)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/batch-actions/${action.id}/undo`, clerkB)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/batch-actions', clerkB)).json()).toEqual({ items: [] });

    const mine = (await call('GET', '/api/v1/batch-actions', clerkA)).json() as { items: { id: string }[] };
    expect(mine.items.map((i) => i.id)).toEqual([action.id]);
    const undo = await call('POST', `/api/v1/batch-actions/${action.id}/undo`, clerkA);
    expect(undo.statusCode, undo.body).toBe(200);
    expect((undo.json() as { undoneAt: string | null }).undoneAt).not.toBeNull();
    expect(await liveIn('assistance', u.a.id)).toBe(20);
    expect(await auditCount('batch_undo')).toBe(1);
    const again = await call('POST', `/api/v1/batch-actions/${action.id}/undo`, clerkA);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该批量操作已撤销');
  });

  it('an undo that would bring back a record entered again since is refused whole', async () => {
    const res = await call('POST', '/api/v1/batch-actions/delete', clerkA, { target: 'assistance', ids: assistanceA.slice(0, 2), reason: '测试' });
    expect(res.statusCode, res.body).toBe(201);
    const gone = await t.database.db.selectFrom('assistance').selectAll().where('id', '=', assistanceA[0]).executeTakeFirstOrThrow();
    await buildAssistance(t.sys, { orgId: u.a.id, personId: personA.id, program: gone.program, givenOn: gone.given_on, amountYuan: Number(gone.amount_fen) / 100, form: (gone.form ?? undefined) as '现金' | undefined });
    const undo = await call('POST', `/api/v1/batch-actions/${(res.json() as { id: string }).id}/undo`, clerkA);
    expect(undo.statusCode, undo.body).toBe(409);
    expect(undo.json().error.message).toBe('有 1 条帮扶记录已重新录入，与要恢复的记录重复，无法撤销（没有修改任何记录）');
    expect(await t.database.db.selectFrom('assistance').select('deleted_at').where('id', '=', assistanceA[1]).executeTakeFirstOrThrow()).not.toMatchObject({ deleted_at: null });
  });

  it('refuses bad input in Chinese: no rows, no reason, an unknown ledger', async () => {
    for (const payload of [{ target: 'assistance', ids: [], reason: '原因' }, { target: 'assistance', ids: [assistanceB] }, { target: 'cases', ids: [assistanceB], reason: '原因' }]) {
      const res = await call('POST', '/api/v1/batch-actions/delete', county, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('batch move to another unit', () => {
  it('moves activities with their natural keys, refuses a move that would duplicate a record, and undoes', async () => {
    const acts = [await buildActivity(t.sys, { orgId: u.a.id, name: '家长课堂' }), await buildActivity(t.sys, { orgId: u.a.id, name: '巾帼宣讲' })];
    const ids = acts.map((a) => a.id);
    // the clerk of 甲镇 may not move into 乙镇 (outside her scope)
    const out = await call('POST', '/api/v1/batch-actions/move', clerkA, { target: 'activities', ids, toOrgId: u.b.id });
    expect(out.statusCode).toBe(404);
    // an identical activity already in 乙镇: the whole move is refused
    const twin = await buildActivity(t.sys, { orgId: u.b.id, name: '家长课堂' });
    const dup = await call('POST', '/api/v1/batch-actions/move', county, { target: 'activities', ids, toOrgId: u.b.id });
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.json().error.message).toBe('有 1 条活动记录转入“乙镇妇联”后会与该单位的记录重复，整批未执行（没有修改任何记录）');
    expect(await liveIn('activities', u.a.id)).toBe(2);
    await t.app.inject({ method: 'DELETE', url: `/api/v1/activities/${twin.id}`, headers: county, payload: { reason: '重复' } });

    const res = await call('POST', '/api/v1/batch-actions/move', county, { target: 'activities', ids, toOrgId: u.b.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ action: 'move', count: 2, toOrgName: '乙镇妇联' });
    expect(await liveIn('activities', u.a.id)).toBe(0);
    expect(await liveIn('activities', u.b.id)).toBe(2);
    // the moved records are the new unit's now: an identical one cannot be entered there again
    const again = await call('POST', '/api/v1/activities', county, { name: '家长课堂', type: '培训', startOn: acts[0].startOn, participants: 5, orgId: u.b.id });
    expect(again.statusCode).toBe(409);
    expect(await auditCount('batch_move')).toBe(1);

    const undo = await call('POST', `/api/v1/batch-actions/${(res.json() as { id: string }).id}/undo`, county);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await liveIn('activities', u.a.id)).toBe(2);
    expect(await liveIn('activities', u.b.id)).toBe(0);
  });

  it('moves contracts too (loans keep their key: it does not name the unit)', async () => {
    const c = await buildContract(t.sys, { orgId: u.a.id });
    const res = await call('POST', '/api/v1/batch-actions/move', county, { target: 'contracts', ids: [c.id], toOrgId: u.county.id });
    expect(res.statusCode, res.body).toBe(201);
    const detail = await call('GET', `/api/v1/contracts/${c.id}`, county);
    expect(detail.json()).toMatchObject({ orgId: u.county.id });
  });
});
