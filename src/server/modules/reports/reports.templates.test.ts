import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { buildActivity } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { computeMetric } from '../metrics/metrics.service';
import { previewReport } from './reports.service';

// the test clock says 2026-06-15; the activities below are of 2026
let t: TestApp;
let fl: { id: string; code: string };
let townA: { id: string; code: string };
let townB: { id: string; code: string };
let staffFl: { authorization: string };
let staffB: { authorization: string };

const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: object, payload?: object) =>
  t.app.inject({ method, url, headers: headers as Record<string, string>, payload });

const good = '# {{org.name}}{{year}}年工作总结\n一、{{year}}年工作回顾\n（一）技能培训。开展培训{{activities.sessions{type=培训}}}期，培训妇女{{activities.participants{type=培训}}}人次。';

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'RT', name: '某县委', kind: 'party_committee' });
  fl = await buildUnit(t.sys, { code: 'RT-FL', name: '某县妇联', kind: 'womens_federation', parentId: county.id });
  townA = await buildUnit(t.sys, { code: 'RT-FL-A', name: '甲乡妇联', kind: 'womens_federation', parentId: fl.id });
  townB = await buildUnit(t.sys, { code: 'RT-FL-B', name: '乙乡妇联', kind: 'womens_federation', parentId: fl.id });
  await buildActivity(t.sys, { orgId: townA.id, type: '培训', participants: 40, sessions: 2, startOn: '2026-03-08' });
  await buildActivity(t.sys, { orgId: townA.id, type: '培训', participants: 35, sessions: 1, startOn: '2026-04-10' });
  await buildActivity(t.sys, { orgId: townB.id, type: '培训', participants: 20, sessions: 1, startOn: '2026-05-01' });
  staffFl = (await t.userWith('staff', fl.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
});
afterAll(() => t.close());

describe('stored report templates', () => {
  let id: string;

  it('creates a template for the unit after checking it in full; an unknown metric is a 400 naming line and placeholder', async () => {
    const bad = await req('POST', '/api/v1/report-templates', staffFl, { orgId: fl.id, name: '年度总结', kind: 'annual', body: `${good}\n共{{activities.cnt}}项。` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('第 4 行第 2 列');
    expect(bad.json().error.details).toEqual([{ path: 'line 4 {{activities.cnt}}', message: '未知的指标代码“activities.cnt”' }]);
    const outside = await req('POST', '/api/v1/report-templates', staffB, { name: '乙乡', kind: 'annual', body: '# 报告\n{{loans.amount | org=RT-FL-A}}' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toContain('RT-FL-A');
    const res = await req('POST', '/api/v1/report-templates', staffFl, { orgId: fl.code, name: '年度总结', kind: 'annual', body: good, note: '初稿' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    id = created.id;
    expect(created).toMatchObject({ orgCode: 'RT-FL', name: '年度总结', kind: 'annual', version: 1, body: good, note: '初稿' });
    expect(created.versions).toHaveLength(1);
    const audit = await t.sys.db.selectFrom('audit_log').select(['action', 'org_id']).where('entity', '=', 'report_template').where('entity_id', '=', id).execute();
    expect(audit).toEqual([{ action: 'create', org_id: fl.id }]);
  });

  it('saves each edit as a new version and keeps the old ones readable; a stale base version is a 409', async () => {
    const body2 = good.replace('工作总结', '工作总结（修订）');
    const saved = await req('PUT', `/api/v1/report-templates/${id}`, staffFl, { body: body2, baseVersion: 1, note: '改标题' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, body: body2 });
    expect(saved.json().versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([[2, '改标题'], [1, '初稿']]);
    const old = await req('GET', `/api/v1/report-templates/${id}/versions/1`, staffFl);
    expect(old.json()).toMatchObject({ version: 1, body: good });
    const stale = await req('PUT', `/api/v1/report-templates/${id}`, staffFl, { body: good, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    const invalid = await req('PUT', `/api/v1/report-templates/${id}`, staffFl, { body: '# 报告\n{{loans.amount{color=red}}}' });
    expect(invalid.statusCode).toBe(400);
    expect((await req('GET', `/api/v1/report-templates/${id}`, staffFl)).json().version).toBe(2);
    const list = await req('GET', `/api/v1/report-templates?orgId=${fl.id}`, staffFl);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([id]);
  });

  it('keeps a template out of reach of another township (404), and its list empty', async () => {
    expect((await req('GET', `/api/v1/report-templates/${id}`, staffB)).statusCode).toBe(404);
    expect((await req('PUT', `/api/v1/report-templates/${id}`, staffB, { body: good })).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/report-templates/${id}/versions/1`, staffB)).statusCode).toBe(404);
    expect((await req('DELETE', `/api/v1/report-templates/${id}`, staffB)).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/report-templates', staffB)).json().items).toEqual([]);
    expect((await req('GET', `/api/v1/report-templates?orgId=${fl.id}`, staffB)).statusCode).toBe(404);
  });

  it('generates a unit report from its own stored template, a township from its nearest ancestor\'s, and with ?template=', async () => {
    const own = await req('GET', `/api/v1/reports/annual?org=RT-FL&year=2026&format=md`, staffFl);
    expect(own.statusCode).toBe(200);
    expect(own.headers['x-report-template']).toBe(`stored:${id}:2`);
    expect(own.body).toContain('# 某县妇联2026年工作总结（修订）');
    expect(own.body).toContain('开展培训4期，培训妇女95人次');
    const town = await req('GET', `/api/v1/reports/annual?org=RT-FL-B&year=2026&format=md`, staffB);
    expect(town.headers['x-report-template']).toBe(`stored:${id}:2`);
    expect(town.body).toContain('# 乙乡妇联2026年工作总结（修订）');
    expect(town.body).toContain('开展培训1期，培训妇女20人次');
    const explicit = await req('GET', `/api/v1/reports/annual?org=RT-FL-A&year=2026&format=md&template=${id}`, staffFl);
    expect(explicit.body).toContain('开展培训3期，培训妇女75人次');
    // no stored half-year template: the default of the unit's kind
    expect((await req('GET', '/api/v1/report-templates/effective?org=RT-FL-B&kind=annual', staffB)).json()).toEqual({
      source: 'stored', id, name: '年度总结', version: 2, orgName: '某县妇联', inherited: true,
    });
    expect((await req('GET', '/api/v1/report-templates/effective?org=RT-FL-A&kind=half-year', staffB)).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/report-templates/effective?org=RT-FL-B&kind=half-year', staffB)).json()).toMatchObject({ source: 'default', id: 'womens-half-year', inherited: false });
    const half = await req('GET', `/api/v1/reports/half-year?org=RT-FL-A&year=2026&format=md`, staffFl);
    expect(half.statusCode).toBe(200);
    expect(half.headers['x-report-template']).toBe('default:womens-half-year');
  });

  it('lets a township\'s own template win over the inherited one, and a deleted template fall back', async () => {
    const mine = await req('POST', '/api/v1/report-templates', staffB, { name: '乙乡年度', kind: 'annual', body: '# 乙乡自己的总结\n培训{{activities.participants{type=培训}}}人次。' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().orgCode).toBe('RT-FL-B');
    const town = await req('GET', `/api/v1/reports/annual?org=RT-FL-B&year=2026&format=md`, staffB);
    expect(town.body).toContain('# 乙乡自己的总结');
    expect((await req('GET', `/api/v1/reports/annual?org=RT-FL-A&year=2026&format=md&template=${mine.json().id}`, staffFl)).statusCode).toBe(200);
    expect((await req('DELETE', `/api/v1/report-templates/${mine.json().id}`, staffB)).statusCode).toBe(204);
    expect((await req('GET', `/api/v1/reports/annual?org=RT-FL-B&year=2026&format=md`, staffB)).headers['x-report-template']).toBe(`stored:${id}:2`);
    expect((await req('GET', `/api/v1/report-templates/${mine.json().id}`, staffB)).statusCode).toBe(404);
    // a sibling township's template is neither in scope nor inherited: 404, even by id
    const ofA = await req('POST', '/api/v1/report-templates', staffFl, { orgId: townA.code, name: '甲乡年度', kind: 'annual', body: '# 甲乡的总结\n正文。' });
    expect(ofA.statusCode).toBe(201);
    expect((await req('GET', `/api/v1/reports/annual?org=RT-FL-B&year=2026&format=md&template=${ofA.json().id}`, staffB)).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/reports/annual?org=RT-FL-B&year=2026&format=md&template=${ofA.json().id}`, staffFl)).statusCode).toBe(200);
  });
  it('gives a township the default template when the inherited one names units outside it, and says why', async () => {
    const county = await req('POST', '/api/v1/report-templates', staffFl, { name: '县妇联半年', kind: 'half-year', body: '# 县妇联{{year}}年上半年总结\n县妇联培训妇女{{activities.participants{type=培训} | org=RT-FL}}人次。' });
    expect(county.statusCode).toBe(201);
    const cid = county.json().id as string;
    // the county itself reports from it
    const own = await req('GET', '/api/v1/reports/half-year?org=RT-FL&year=2026&format=md', staffFl);
    expect(own.headers['x-report-template']).toBe(`stored:${cid}:1`);
    // a township cannot: RT-FL is outside its subtree; the default template serves it, and the reason is given
    const town = await req('GET', '/api/v1/reports/half-year?org=RT-FL-B&year=2026&format=md', staffB);
    expect(town.statusCode).toBe(200);
    expect(town.headers['x-report-template']).toBe('default:womens-half-year');
    const effective = (await req('GET', '/api/v1/report-templates/effective?org=RT-FL-B&kind=half-year', staffB)).json();
    expect(effective).toMatchObject({ source: 'default', id: 'womens-half-year', skipped: { id: cid, name: '县妇联半年', orgName: '某县妇联' } });
    expect(effective.skipped.reason).toContain('RT-FL');
    // chosen by id, the template's own errors are shown (400), not replaced
    expect((await req('GET', `/api/v1/reports/half-year?org=RT-FL-B&year=2026&format=md&template=${cid}`, staffB)).statusCode).toBe(400);
    // the county's own effective template is its own
    expect((await req('GET', '/api/v1/report-templates/effective?org=RT-FL&kind=half-year', staffFl)).json()).toMatchObject({ source: 'stored', id: cid, inherited: false });
    expect((await req('DELETE', `/api/v1/report-templates/${cid}`, staffFl)).statusCode).toBe(204);
  });
});

describe('POST /api/v1/report-templates/preview', () => {
  const preview = (template: string, org = 'RT-FL', headers: object = staffFl) => req('POST', '/api/v1/report-templates/preview', headers, { template, org, year: 2026 });

  it('renders the HTML with every figure linked to its records', async () => {
    const res = await preview(good);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.valid).toBe(true);
    expect(r.title).toBe('某县妇联2026年工作总结');
    expect(r.figures.map((f: { text: string; ref: string }) => [f.text, f.ref])).toEqual([['4', 'activities.sessions{type=培训}'], ['95', 'activities.participants{type=培训}']]);
    const link = `/metrics?${new URLSearchParams({ code: 'activities.participants{type=培训}', org: 'RT-FL', from: '2026-01-01', to: '2026-12-31' }).toString()}`.replace(/&/g, '&amp;');
    expect(r.html).toContain(`<a class="fig" href="${link}"`);
    expect(r.html).not.toContain('<html');
  });

  it('lists every problem with line and column in Chinese, naming the metric or filter, and computes nothing', async () => {
    const res = await preview('# 报告\n  开展培训{{activities.sesions{type=培训}}}期。\n共{{activities.count{colour=红}}}项，{{loans.amount | org=RT}}万元。');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.valid).toBe(false);
    expect(r.html).toBeUndefined();
    expect(r.issues).toEqual([
      { line: 2, column: 7, placeholder: 'activities.sesions{type=培训}', message: '未知的指标代码“activities.sesions”' },
      { line: 3, column: 2, placeholder: 'activities.count{colour=红}', message: expect.stringContaining('没有筛选条件“colour”') },
    ]);
    // the units a placeholder names are checked too (RT lies outside 妇联's subtree)
    const org = (await preview('# 报告\n发放{{loans.amount | org=RT}}万元。')).json();
    expect(org).toEqual({ valid: false, issues: [{ line: 2, column: 3, placeholder: 'loans.amount | org=RT', message: '组织“RT”不存在或不属于本单位' }] });
  });

  it('is 404 for a unit outside the caller scope and 400 for a bad body', async () => {
    expect((await preview(good, 'RT-FL-A', staffB)).statusCode).toBe(404);
    expect((await req('POST', '/api/v1/report-templates/preview', staffFl, { org: 'RT-FL', year: 2026 })).statusCode).toBe(400);
    expect((await req('POST', '/api/v1/report-templates/preview', {}, { template: good, org: 'RT-FL', year: 2026 })).statusCode).toBe(401);
  });
});

describe('previewReport', () => {
  it('computes no figure at all when any placeholder is wrong, and each distinct figure once when all are right', async () => {
    let calls = 0;
    const counting: typeof computeMetric = async (c, input) => (calls++, computeMetric(c, input));
    const sys = t.sys;
    const bad = await previewReport(sys, { template: `${good}\n{{activities.count{colour=红}}}`, org: 'RT-FL', kind: 'annual', year: 2026 }, { computeMetric: counting });
    expect(bad.valid).toBe(false);
    expect(calls).toBe(0);
    const ok = await previewReport(sys, { template: `${good}\n又一次：{{activities.sessions{type=培训}}}期。`, org: 'RT-FL', kind: 'annual', year: 2026 }, { computeMetric: counting });
    expect(ok.valid).toBe(true);
    expect(calls).toBe(2);
  });
});
