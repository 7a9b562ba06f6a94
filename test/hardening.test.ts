import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRecordFen } from '../src/domain/money';
import { multipartBody, sheetBuffer } from '../src/server/modules/imports/imports.fixtures';
import { householdsKind } from '../src/server/modules/imports/kinds/households';
import { buildIdNumber, buildPerson, buildUnit } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * Issue 11, items 3 and 4, on whichever database the run uses: control characters (NUL first) are
 * refused at the boundary with the field named; money is 64-bit with one stated bound; record dates
 * lie between 1949-10-01 and a year after the server's today, in the API and the imports alike.
 * The test clock stands at 2026-06-15 (Asia/Shanghai).
 */
let t: TestApp;
type Headers = { authorization: string };
let town: { id: string; code: string };
let staff: Headers;
let personId: string;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: staff, payload });
const chinese = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'hd-county', name: '某县妇联', kind: 'womens_federation' });
  town = await buildUnit(t.sys, { code: 'hd-town', name: '某镇妇联', kind: 'womens_federation', parentId: county.id });
  staff = (await t.userWith('staff', town.id)).headers;
  personId = (await buildPerson(t.sys, { orgId: town.id, name: '王秀英' })).id;
});
afterAll(() => t.close());

describe('control characters at the boundary', () => {
  const lists = ['people', 'orgs', 'households', 'users', 'activities', 'assistance', 'loans', 'contracts', 'volunteer-teams'];
  it.each(lists)('GET /api/v1/%s with q = NUL is a Chinese 400 naming q, not a 500', async (list) => {
    const res = await req('GET', `/api/v1/${list}?q=%00`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'q' }] });
    expect(res.json().error.message).toContain('查询参数“q”含有不可见的控制字符 NUL');
  });

  it('refuses NUL in a path parameter', async () => {
    const res = await req('GET', '/api/v1/people/%00');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('路径参数“id”含有不可见的控制字符 NUL（空字符），请删除后重新提交');
    // the router's own refusals (a parameter past its length limit, broken percent-encoding) speak Chinese too
    const long = await req('GET', `/api/v1/people/${'长'.repeat(200)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json().error).toEqual({ code: 'TOO_LARGE', message: '网址中的参数过长，请核对链接' });
    const broken = await req('GET', '/api/v1/people/%E9%95');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toBe('网址中含有无效的字符，请核对链接');
  });

  it('names the body field (nested paths too) and writes nothing; tab and line breaks stay allowed in text', async () => {
    const base = { personId, program: '送温暖', amountYuan: 100, givenOn: '2026-01-20' };
    const nul = await req('POST', '/api/v1/assistance', { ...base, note: '备\u0000注' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.details).toEqual([{ path: 'note', message: expect.stringContaining('提交内容“note”') }]);
    const c1 = await req('POST', '/api/v1/activities', { name: '宣讲', type: '宣讲', startOn: '2026-03-08', participants: 5, outcomes: [{ name: '成\u0085果', value: 1 }] });
    expect(c1.statusCode).toBe(400);
    expect(c1.json().error.message).toContain('“outcomes.0.name”含有不可见的控制字符 U+0085');
    const bell = await req('POST', '/api/v1/people', { name: '李桂兰', idNumber: buildIdNumber(), address: '某村\u0007一组' });
    expect(bell.statusCode).toBe(400);
    expect(bell.json().error.details[0].path).toBe('address');
    expect(await t.sys.db.selectFrom('assistance').select('id').execute()).toEqual([]);
    const ok = await req('POST', '/api/v1/assistance', { ...base, note: '第一行\r\n第二行\t备注' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().note).toBe('第一行\r\n第二行\t备注');
  });
});

describe('money is 64-bit with one upper bound', () => {
  it('stores 21474836.48 元 (past a 32-bit 分 column) and reads it back exactly', async () => {
    const res = await req('POST', '/api/v1/assistance', { personId, program: '助学', amountYuan: 21474836.48, givenOn: '2026-02-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ amountFen: 2147483648, amountYuan: '21474836.48' });
    const back = await req('GET', `/api/v1/assistance/${res.json().id as string}`);
    expect(back.json().amountFen).toBe(2147483648);
    const loan = await req('POST', '/api/v1/loans', { personId, principalWan: 50000, disbursedOn: '2026-03-01' });
    expect(loan.statusCode).toBe(201);
    expect(loan.json().principalFen).toBe(50000 * 1_000_000);
  });

  it('refuses more than 100 亿元 on one record, in 元 and in 万元', async () => {
    expect(maxRecordFen).toBe(1_000_000_000_000);
    const over = await req('POST', '/api/v1/assistance', { personId, program: '助学', amountYuan: '10000000000.01', givenOn: '2026-02-01' });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details).toEqual([{ path: 'amountYuan', message: '金额不能超过 100 亿元（每条记录）' }]);
    const atBound = await req('POST', '/api/v1/assistance', { personId, program: '就业援助', amountYuan: 10_000_000_000, givenOn: '2026-02-02' });
    expect(atBound.statusCode).toBe(201);
    expect(atBound.json().amountFen).toBe(maxRecordFen);
    const loan = await req('POST', '/api/v1/loans', { personId, principalWan: 1_000_001, disbursedOn: '2026-03-02' });
    expect(loan.statusCode).toBe(400);
    expect(loan.json().error.details[0]).toEqual({ path: 'principalWan', message: '贷款金额不能超过 100 亿元（每条记录）' });
    const huge = await req('POST', '/api/v1/assistance', { personId, program: '助学', amountYuan: 2 ** 53, givenOn: '2026-02-01' });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.message).toMatch(chinese);
  });
});

describe('record dates are bounded', () => {
  it.each([
    ['9999-12-31', '日期不能晚于 2027年6月15日（最多为今后一年内的日期）'],
    ['2027-06-16', '日期不能晚于 2027年6月15日（最多为今后一年内的日期）'],
    ['1899-12-31', '日期不能早于 1949年10月1日'],
    ['0000-01-01', '日期应为有效日期（如 2025-03-08）'],
  ])('发放日期 %s is refused: %s', async (givenOn, message) => {
    const res = await req('POST', '/api/v1/assistance', { personId, program: '送温暖', amountYuan: 10, givenOn });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path: 'givenOn', message });
  });

  it('accepts the bounds themselves: 1949-10-01 and a year after today', async () => {
    for (const givenOn of ['1949-10-01', '2027-06-15']) {
      const res = await req('POST', '/api/v1/assistance', { personId, program: '母亲邮包', amountYuan: 10, givenOn });
      expect(res.statusCode).toBe(201);
    }
  });

  it('bounds the other ledgers and a PATCH; a term end may lie eleven years ahead', async () => {
    const act = await req('POST', '/api/v1/activities', { name: '宣讲', type: '宣讲', startOn: '9999-12-31', participants: 5 });
    expect(act.json().error.details).toContainEqual({ path: 'startOn', message: '开始日期不能晚于 2027年6月15日（最多为今后一年内的日期）' });
    const contract = await req('POST', '/api/v1/contracts', { enterprise: '某公司', type: '综合', signedOn: '2026-01-01', expiresOn: '2037-06-16', workers: 10 });
    expect(contract.json().error.details).toContainEqual({ path: 'expiresOn', message: '到期日期不能晚于 2037年6月15日（最多为今后十一年内的日期）' });
    const longTerm = await req('POST', '/api/v1/contracts', { enterprise: '某公司', type: '综合', signedOn: '2026-01-01', expiresOn: '2029-01-01', workers: 10 });
    expect(longTerm.statusCode).toBe(201);
    const loan = await req('POST', '/api/v1/loans', { personId, principalWan: 5, disbursedOn: '1900-01-01' });
    expect(loan.json().error.details).toContainEqual({ path: 'disbursedOn', message: '放款日期不能早于 1949年10月1日' });
    const patch = await req('PATCH', `/api/v1/contracts/${longTerm.json().id as string}`, { signedOn: '1899-12-31' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details).toContainEqual({ path: 'signedOn', message: '签订日期不能早于 1949年10月1日' });
  });

  it('follows the server clock, not the machine clock', async () => {
    const body = { enterprise: '某合作社', type: '工资专项', signedOn: '2027-06-10', workers: 3 };
    t.clock.set('2026-06-01T02:00:00.000Z');
    try {
      const early = await req('POST', '/api/v1/contracts', body);
      expect(early.json().error.details).toContainEqual({ path: 'signedOn', message: '签订日期不能晚于 2027年6月1日（最多为今后一年内的日期）' });
    } finally {
      t.clock.set('2026-06-15T02:00:00.000Z');
    }
    expect((await req('POST', '/api/v1/contracts', body)).statusCode).toBe(201);
  });

  it('bounds the dates of pairings, volunteer records and screenings the same way', async () => {
    const pairing = await req('POST', '/api/v1/pairings', {
      orgId: town.id, helperKind: 'unit', helperOrgId: town.id, helperRole: '巾帼文明岗', helpedKind: 'person', helpedPersonId: personId, helpedRole: '困难妇女', commitmentKind: '走访', everyMonths: 3, startedOn: '9999-12-31',
    });
    expect(pairing.statusCode).toBe(400);
    expect(pairing.json().error.details).toEqual([{ path: 'startedOn', message: '结对日期不能晚于 2027年6月15日（最多为今后一年内的日期）' }]);
    const team = await req('POST', '/api/v1/volunteer-teams', { orgId: town.id, name: '巾帼志愿队' });
    expect(team.statusCode).toBe(201);
    const member = await req('POST', `/api/v1/volunteer-teams/${team.json().id as string}/members`, { personId, joinedOn: '1899-12-31' });
    expect(member.statusCode).toBe(400);
    expect(member.json().error.details).toEqual([{ path: 'joinedOn', message: '加入日期不能早于 1949年10月1日' }]);
    const admin = (await t.userWith('sysadmin', null, 'hd-admin')).headers;
    const screening = await t.app.inject({ method: 'POST', url: '/api/v1/screenings', headers: admin, payload: { title: '排查', year: 2026, startOn: '1900-01-01', endOn: '2026-06-30', orgId: town.id, townshipIds: [town.id] } });
    expect(screening.statusCode).toBe(400);
    expect(screening.json().error.details).toEqual([{ path: 'startOn', message: '开始日期不能早于 1949年10月1日' }]);
  });

  it('an import names the row and column of a date out of range', async () => {
    const sheet = await sheetBuffer(
      [
        ['姓名', '身份证号', '帮扶项目', '金额', '发放日期'],
        ['刘芳', buildIdNumber({ gender: '女' }), '送温暖', 500, '9999-12-31'],
        ['赵敏', buildIdNumber({ gender: '女' }), '送温暖', 300, '1899-12-31'],
        ['孙丽', buildIdNumber({ gender: '女' }), '送温暖', 300, '2026-05-01'],
      ],
      { textColumns: [2] },
    );
    const body = multipartBody(sheet, '帮扶台账.xlsx');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${town.id}&dryRun=true`, payload: body.payload, headers: { ...staff, ...body.headers } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
    expect(res.json().errors).toEqual([
      { row: 2, column: '发放日期', message: '日期不能晚于 2027年6月15日（最多为今后一年内的日期）' },
      { row: 3, column: '发放日期', message: '日期不能早于 1949年10月1日' },
    ]);
  });

  it('a household import refuses a 脱贫日期 out of range too', () => {
    const row = { name: '张建国户', headName: '张建国', headIdNumber: buildIdNumber() };
    const schema = householdsKind.schema('2026-06-15');
    expect(schema.safeParse({ ...row, liftedOn: '2020-12-31' }).success).toBe(true);
    const late = schema.safeParse({ ...row, liftedOn: '9999-12-31' });
    expect(late.success ? [] : late.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['liftedOn', '脱贫日期不能晚于 2027年6月15日（最多为今后一年内的日期）']]);
  });
});
