import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { multipartBody, sheetBuffer } from './imports.fixtures';

// A ledger record's detail names its import by 导入批次 number and file name, never by the batch's id:
// also for a township clerk reading a record the county imported into her township.
let t: TestApp;
let county: { id: string };
let town: { id: string; code: string };
let staff: { authorization: string };
let clerk: { authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'BS', name: '北山县妇联', kind: 'womens_federation' });
  town = await buildUnit(t.sys, { code: 'BS-T1', name: '北山镇妇联', kind: 'womens_federation', parentId: county.id });
  staff = (await t.userWith('staff', county.id, 'bs-staff')).headers;
  clerk = (await t.userWith('staff', town.id, 'bs-clerk')).headers;
});
afterAll(() => t.close());

describe('the source of a ledger record', () => {
  it('an imported record names its batch number and file; a typed-in one has none', async () => {
    const sheet = await sheetBuffer([['姓名', '身份证号', '帮扶项目', '金额', '日期', '所属组织'], ['王秀英', buildIdNumber(), '春蕾计划', 800, '2026-03-01', town.code]], { textColumns: [2] });
    const body = multipartBody(sheet, 'chunlei-2026.xlsx');
    const imported = await t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${county.id}`, payload: body.payload, headers: { ...staff, ...body.headers } });
    expect(imported.statusCode, imported.body).toBe(200);
    const { batchNumber } = imported.json() as { batchNumber: string };
    expect(batchNumber).toMatch(/^\d{4}-\d{4}$/);
    const list = await t.app.inject({ url: `/api/v1/assistance?orgId=${town.id}`, headers: clerk });
    const id = (list.json() as { items: { id: string }[] }).items[0].id;
    for (const who of [staff, clerk]) {
      const res = await t.app.inject({ url: `/api/v1/assistance/${id}`, headers: who });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ batch: { number: batchNumber, filename: 'chunlei-2026.xlsx' } });
    }
    const typed = await t.app.inject({ method: 'POST', url: '/api/v1/activities', headers: clerk, payload: { name: '家长课堂', type: '培训', startOn: '2026-03-08', participants: 20, orgId: town.id } });
    expect(typed.statusCode, typed.body).toBe(201);
    const detail = await t.app.inject({ url: `/api/v1/activities/${(typed.json() as { id: string }).id}`, headers: clerk });
    expect(detail.json()).toMatchObject({ batchId: null, batch: null });
  });
});
