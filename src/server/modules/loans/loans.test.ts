import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSubsidyFen } from '../../../domain/ledgers/loans';
import { buildIdNumber, buildPerson, buildUnit } from '../../../../test/factories';
import { buildLoan } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
type Headers = { authorization: string };
let county: { id: string };
let townA: { id: string };
let townB: { id: string };
let staffA: Headers;
let staffB: Headers;
let countyStaff: Headers;

const req = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
const loanRow = (id: string) => t.sys.db.selectFrom('loans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'county', name: '林甸县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  countyStaff = (await t.userWith('staff', county.id)).headers;
});
afterAll(() => t.close());

describe('loans ledger', () => {
  let productId: string;

  it("computes the subsidy from the county's loan product, overridable per loan, and defaults the due date", async () => {
    const product = await req(countyStaff, 'POST', '/api/v1/loan-products', { name: '创业担保贷款', ratePct: 4.35, subsidyPct: 100, termMonths: 24 });
    expect(product.statusCode).toBe(201);
    productId = product.json().id;
    expect((await req(staffA, 'GET', '/api/v1/loan-products')).json().items.map((p: { id: string }) => p.id)).toEqual([productId]);
    const res = await req(staffA, 'POST', '/api/v1/loans', { name: '刘丽娟', idNumber: buildIdNumber({ gender: '女' }), principalWan: 10, productId, disbursedOn: '2026-01-31', venture: '养殖' });
    expect(res.statusCode).toBe(201);
    // 10 万元 × 4.35% × 2 年 × 100% = 8700 元
    expect(res.json()).toMatchObject({
      principalFen: 10_000_000, principalWan: 10, ratePct: 4.35, subsidyPct: 100, termMonths: 24, subsidyFen: 870_000, subsidyYuan: '8700',
      dueOn: '2028-01-31', status: '已放款', orgName: '花园镇妇联', repayments: [],
    });
    const half = await req(staffA, 'POST', '/api/v1/loans', { name: '刘丽娟', idNumber: (await idOf(res.json().personId)), principalWan: '5.5', productId, subsidyPct: 50, termMonths: 12, disbursedOn: '2026-02-28' });
    expect(half.json()).toMatchObject({ subsidyFen: computeSubsidyFen(5_500_000, 435, 50, 12), dueOn: '2027-02-28' });
    const typed = await req(staffA, 'POST', '/api/v1/loans', { name: '刘丽娟', idNumber: (await idOf(res.json().personId)), principalWan: 3, subsidyYuan: 1234.5, disbursedOn: '2026-03-01' });
    expect(typed.json()).toMatchObject({ subsidyFen: 123_450, dueOn: null, ratePct: null });
    const none = await req(staffA, 'POST', '/api/v1/loans', { name: '刘丽娟', idNumber: (await idOf(res.json().personId)), principalWan: 2 });
    expect(none.json()).toMatchObject({ subsidyFen: 0, status: '申请中', disbursedOn: null });
    // a product of another township is not usable here
    const other = await req(staffB, 'POST', '/api/v1/loan-products', { name: '红旗贷', ratePct: 5, subsidyPct: 50, termMonths: 12 });
    const wrong = await req(staffA, 'POST', '/api/v1/loans', { personId: res.json().personId, principalWan: 1, productId: other.json().id, disbursedOn: '2026-01-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('productId');
  });

  it.each([
    ['zero principal', { principalWan: 0 }, 'principalWan', '贷款金额应大于 0'],
    ['disbursed status without date', { status: '已放款', disbursedOn: undefined }, 'disbursedOn', '已放款的贷款须填写放款日期'],
    ['due before disbursement', { dueOn: '2025-01-01' }, 'dueOn', '到期日期不能早于放款日期'],
    ['bad status', { status: '坏账' }, 'status', '状态应为 申请中、已放款、已还清、逾期 之一'],
  ])('refuses %s with 400 naming the field', async (_l, patch, path, message) => {
    const res = await req(staffA, 'POST', '/api/v1/loans', { name: '陈芳', idNumber: buildIdNumber(), principalWan: 5, disbursedOn: '2026-01-01', ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path, message });
  });

  it('follows the status flow: illegal moves are 422 and change nothing; 已还清 needs the principal repaid', async () => {
    const p = await buildPerson(t.sys, { orgId: townA.id });
    const loan = await buildLoan(t.sys, { orgId: townA.id, personId: p.id, principalWan: 1, disbursedOn: null, status: '申请中' });
    const before = await loanRow(loan.id);
    const skip = await req(staffA, 'POST', `/api/v1/loans/${loan.id}/status`, { status: '已还清' });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error).toMatchObject({ code: 'RULE_VIOLATED', message: '贷款状态不能从“申请中”改为“已还清”，只能改为已放款' });
    expect(await loanRow(loan.id)).toEqual(before);
    expect((await req(staffA, 'POST', `/api/v1/loans/${loan.id}/repayments`, { paidOn: '2026-03-01', amountYuan: 100 })).statusCode).toBe(422);

    const out = await req(staffA, 'POST', `/api/v1/loans/${loan.id}/status`, { status: '已放款', on: '2026-03-01' });
    expect(out.json()).toMatchObject({ status: '已放款', disbursedOn: '2026-03-01', dueOn: '2028-03-01' });
    expect((await loanRow(loan.id)).natural_key).toContain('2026-03-01');
    expect((await req(staffA, 'POST', `/api/v1/loans/${loan.id}/repayments`, { paidOn: '2026-02-01', amountYuan: 100 })).statusCode).toBe(400);
    await req(staffA, 'POST', `/api/v1/loans/${loan.id}/repayments`, { paidOn: '2026-06-01', amountYuan: 6000 });
    const early = await req(staffA, 'POST', `/api/v1/loans/${loan.id}/status`, { status: '已还清' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toBe('尚未还清：已还 6000 元，本金 10000 元');
    const late = await req(staffA, 'POST', `/api/v1/loans/${loan.id}/status`, { status: '逾期' });
    expect(late.json().status).toBe('逾期');
    const paid = await req(staffA, 'POST', `/api/v1/loans/${loan.id}/repayments`, { paidOn: '2026-06-10', amountYuan: '4000' });
    expect(paid.json()).toMatchObject({ repaidFen: 1_000_000, repayments: [{ paidOn: '2026-06-01', amountFen: 600_000 }, { paidOn: '2026-06-10', amountFen: 400_000 }] });
    expect((await req(staffA, 'POST', `/api/v1/loans/${loan.id}/status`, { status: '已还清' })).json().status).toBe('已还清');
    const back = await req(staffA, 'PATCH', `/api/v1/loans/${loan.id}`, { status: '已放款' });
    expect(back.statusCode).toBe(422);
    const audit = await t.sys.db.selectFrom('audit_log').select('action').where('entity', '=', 'loan').where('entity_id', '=', loan.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'repayment', 'status', 'repayment', 'status']);
  });

  it('recomputes a derived subsidy on patch, refuses duplicates (409), filters by status and period, hides deleted loans', async () => {
    const p = await buildPerson(t.sys, { orgId: townA.id, name: '黄海燕' });
    const loan = await buildLoan(t.sys, { orgId: townA.id, personId: p.id, principalWan: 8, productId, disbursedOn: '2026-04-01' });
    expect(loan.subsidyFen).toBe(696_000);
    const patched = await req(staffA, 'PATCH', `/api/v1/loans/${loan.id}`, { principalWan: 4 });
    expect(patched.json()).toMatchObject({ principalFen: 4_000_000, subsidyFen: 348_000, dueOn: '2028-04-01' });
    const dup = await req(staffA, 'POST', '/api/v1/loans', { personId: p.id, principalWan: 4, disbursedOn: '2026-04-01' });
    expect(dup.statusCode).toBe(409);
    const get = async (qs: string) => (await req(staffA, 'GET', `/api/v1/loans?${qs}`)).json();
    expect((await get(`q=${encodeURIComponent('黄海燕')}&status=${encodeURIComponent('已放款')}&from=2026-04-01&to=2026-04-30`)).total).toBe(1);
    expect((await get(`q=${encodeURIComponent('黄海燕')}&status=${encodeURIComponent('逾期')}`)).total).toBe(0);
    expect((await req(staffA, 'DELETE', `/api/v1/loans/${loan.id}`, { reason: '重复' })).statusCode).toBe(204);
    expect((await get(`q=${encodeURIComponent('黄海燕')}`)).total).toBe(0);
    expect((await req(staffA, 'POST', '/api/v1/loans', { personId: p.id, principalWan: 4, disbursedOn: '2026-04-01' })).statusCode).toBe(201);
  });

  it("answers 404 for another township's loans and products' units", async () => {
    const p = await buildPerson(t.sys, { orgId: townA.id });
    const loan = await buildLoan(t.sys, { orgId: townA.id, personId: p.id });
    expect((await req(staffB, 'GET', `/api/v1/loans/${loan.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'POST', `/api/v1/loans/${loan.id}/status`, { status: '逾期' })).statusCode).toBe(404);
    expect((await req(staffB, 'POST', `/api/v1/loans/${loan.id}/repayments`, { paidOn: '2026-06-01', amountYuan: 1 })).statusCode).toBe(404);
    expect((await req(staffB, 'GET', `/api/v1/loan-products?orgId=${townA.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'POST', '/api/v1/loan-products', { name: 'x', ratePct: 1, subsidyPct: 1, termMonths: 1, orgId: townA.id })).statusCode).toBe(404);
  });
});

async function idOf(personId: string): Promise<string> {
  const row = await t.sys.db.selectFrom('people').select('id_cipher').where('id', '=', personId).executeTakeFirstOrThrow();
  return t.crypto.decrypt(row.id_cipher);
}
