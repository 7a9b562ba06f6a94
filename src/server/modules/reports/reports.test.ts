import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { appendixRows } from '../../../domain/report/appendix';
import { formatMetricRef } from '../../../domain/metrics/parse';
import { demoLedgerFigures, figurePeriod } from '../demo/demo.ledgers-plan';
import { demoRestFigures } from '../demo/demo.rest-figures';
import { seedDemo } from '../demo/demo.seed';
import { computeMetric } from '../metrics/metrics.service';
import { writeMarkdown } from './reports.markdown';
import { createTarget } from '../targets/targets.service';
import { generateReport } from './reports.service';

// the test clock says 2026-06-15: the seed of a past year holds the whole year's records and figures
const year = 2025;
let t: TestApp;
let leader: { authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.sys, { dataDir: t.config.dataDir, year, print() {} });
  const ld = await t.sys.db.selectFrom('org_units').select('id').where('code', '=', 'LD').executeTakeFirstOrThrow();
  leader = (await t.userWith('leader', ld.id)).headers;
}, 240_000);
afterAll(() => t.close());

// the seed's sentences as the demo county's records write them (full-width punctuation)
const annualSentences = [
  '一、2025年工作回顾',
  '机关工委举办大型系列党课3次，“书记讲党课”活动48场',
  '解决问题235个，帮扶物资120余万元',
  '聘任兼职教师41人，开展宣讲等活动56期，教育干部群众6000余人次',
  '培训青年1600人次',
  '签订就业合同150余份',
  '县妇联围绕妇女致富兴家，开展各类技能培训126期，培训妇女6100人，为1266名城乡妇女发放贷款8736万元',
  '解决帮扶对象实际困难254件，为232户困难职工家庭提供就业创业帮助，其中96户实现脱贫',
  '资助贫困学生77名',
  '救助贫困女童、女大学生377名',
  '组织城乡妇女结成帮扶对子1248对',
  '签订集体合同和女职工专项集体合同78份，受惠职工达8609人',
  '累计接待职工38人次',
  '调解婆媳纠纷、夫妻矛盾、抚养关系等案件26起',
  '建立信访代理工作室100个，成功化解妇女信访案件47起',
  '县总工会新建村级工会67个，全县基层工会组织发展到334个，其中有58个被评为规范化建设达标单位',
  '直属团组织发展到160家',
  '开展各类公益活动400余次',
  '二、2026年工作安排',
];

describe('generateReport: the county annual report on the demo county', () => {
  it('reads like the seed, with the demo figures and no XX', async () => {
    const doc = await generateReport(t.sys, { kind: 'annual', org: 'LD', year });
    const md = writeMarkdown(doc);
    expect(doc.title).toBe('关于2025年群团工作情况和2026年工作安排的报告');
    expect(md.startsWith('# 关于2025年群团工作情况和2026年工作安排的报告\n')).toBe(true);
    for (const s of annualSentences) expect(md).toContain(s);
    expect(md).toContain('**（一）机关党建有新局面。**强化学习型党组织建设');
    expect(md).not.toMatch(/XX/);
    expect(md).toContain('## 附：数据来源');
    expect(md).toContain('| 3 | 235 | 活动成果（成果名称：解决问题） | 林甸县直机关工委 | 2025年 | 10 |');
  });

  it('has an appendix whose every figure equals the metric computed independently', async () => {
    const doc = await generateReport(t.sys, { kind: 'annual', org: 'LD', year });
    expect(doc.figures.length).toBe(appendixRows(doc).length);
    expect(doc.figures.length).toBe(30);
    for (const f of doc.figures) {
      const m = await computeMetric(t.sys, { code: f.code, filters: f.filters, org: f.org, from: f.from, to: f.to });
      expect({ n: f.n, value: f.value, unit: f.unit }).toEqual({ n: f.n, value: m.value, unit: m.unit });
    }
    // and equals what the demo's records were planned to yield
    let matched = 0;
    for (const p of [...demoLedgerFigures, ...demoRestFigures].filter((x) => x.period === 'year')) {
      const ref = formatMetricRef(p.code, Object.fromEntries(Object.entries(p.filters).map(([k, v]) => [k, [v]])));
      const f = doc.figures.find((x) => x.ref === ref && x.org === p.org && x.from === figurePeriod(p.period, year).from);
      if (!f) continue;
      matched++;
      expect([p.says, f.value]).toEqual([p.says, p.value]);
    }
    expect(matched).toBeGreaterThanOrEqual(24);
  });

  it('writes the 妇联 half-year report from January–June figures', async () => {
    const doc = await generateReport(t.sys, { kind: 'half-year', org: 'LD-FL', year });
    const md = writeMarkdown(doc);
    expect(doc.title).toBe('林甸县妇联2025年上半年工作总结及下半年工作安排');
    expect(md).toContain('全县共完成妇女创业小额担保贷款389万元，71名创业女性得到扶持');
    expect(md).toContain('6家单位被命名为省级巾帼文明岗，8家被命名为市级巾帼文明岗');
    expect(md).toContain('为34位春蕾女童每人送上一件羽绒服');
    expect(md).toContain('从层层推荐的近70户家庭中筛选出20户“最美家庭”');
    expect(md).toContain('组织57个巾帼文明岗为60位单亲贫困母亲开展送温暖活动');
    // every figure equals the metric computed on its own
    for (const f of doc.figures) expect(f.value).toBe((await computeMetric(t.sys, { code: f.code, filters: f.filters, org: f.org, from: f.from, to: f.to })).value);
    expect(md).toContain('## 下半年工作安排');
    // the nine figures of the sentences above (389, 71, 6, 8, 34, 70, 20, 57, 60), all over January–June
    expect(doc.figures.map((f) => [f.from, f.to])).toEqual(Array(9).fill(['2025-01-01', '2025-06-30']));
  });

  it('rejects a template with an unknown metric or a unit outside the subtree before computing anything', async () => {
    const bad = '# 报告\n一、回顾\n发放贷款{{loans.amount | org=LD-FL}}万元。\n共{{activities.cnt{type=培训}}}项。';
    await expect(generateReport(t.sys, { kind: 'annual', org: 'LD', year, template: bad })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'line 4 {{activities.cnt{type=培训}}}' }],
    });
    await expect(generateReport(t.sys, { kind: 'annual', org: 'LD-FL', year, template: '# 报告\n{{loans.amount | org=LD-ZGH}}' })).rejects.toThrow(/LD-ZGH/);
    await expect(generateReport(t.sys, { kind: 'annual', org: 'LD', year, template: '# 报告\n{{loans.amount | org=NOPE}}' })).rejects.toThrow(/NOPE/);
  });
});

describe('the work plan from next year\'s targets', () => {
  it('lists the targets of the unit subtree for the year after the report, in the prose and an appendix', async () => {
    // the demo seeds the seed's targets for 2025 and 2026; one more, set now, shows up as well
    await createTarget(t.sys, { orgCode: 'LD-TW', year: year + 1, metric: 'activities.count{type=公益}', value: 450, title: '开展各类公益活动450次以上' });
    const doc = await generateReport(t.sys, { kind: 'annual', org: 'LD', year });
    const md = writeMarkdown(doc);
    const plan = md.slice(md.indexOf('## 二、2026年工作安排'), md.indexOf('## 附：数据来源'));
    expect(plan).toMatch(/2026年主要目标：[^\n]*林甸县委党校全年举办各类培训、宣讲52场次，教育干部群众4000人次/);
    expect(plan).toContain('林甸县妇联力争发放贷款8000万元');
    expect(plan).toContain('共青团林甸县委开展各类公益活动450次以上');
    expect(md).toContain('## 附：年度目标');
    expect(md).toContain('| 林甸县妇联 | 力争发放贷款8000万元 | 放款金额 | 不少于 | 8000 | 万元 | 2026 |');
    // the seed's seven targets for the next year and the one set above
    expect(doc.targets.map((x) => x.year)).toEqual(Array(8).fill(year + 1));
    // the parts of a split target (分解下达 to the townships) stay under their parent
    expect(doc.targets.filter((x) => x.metric === 'loans.amount')).toHaveLength(1);
  });

  it('leaves the targets line out when none are set', async () => {
    const doc = await generateReport(t.sys, { kind: 'annual', org: 'LD-KX', year, template: '# 报告\n二、{{year+1}}年工作安排\n{{targets}}\n正文。' });
    expect(writeMarkdown(doc)).not.toContain('主要目标');
    expect(doc.blocks).toHaveLength(2);
  });
});

describe('GET /api/v1/reports/:kind', () => {
  const get = (url: string, headers = leader) => t.app.inject({ method: 'GET', url, headers });

  it('serves markdown, HTML with every figure linked to its records, and docx', async () => {
    const md = await get(`/api/v1/reports/annual?org=LD&year=${year}&format=md`);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain('为1266名城乡妇女发放贷款8736万元');
    const html = await get(`/api/v1/reports/annual?org=LD&year=${year}&format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<style>');
    const link = `/metrics?${new URLSearchParams({ code: 'loans.amount', org: 'LD-FL', from: '2025-01-01', to: '2025-12-31' }).toString()}`;
    expect(html.body).toContain(`发放贷款<a class="fig" href="${link.replace(/&/g, '&amp;')}"`);
    expect(html.body.match(/<a class="fig"/g)?.length).toBe(30);
    const docx = await get(`/api/v1/reports/annual?org=LD&year=${year}&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('answers 404 for a unit outside the caller scope or without a template, 400 for bad input, 401 without login', async () => {
    const fl = await t.sys.db.selectFrom('org_units').select('id').where('code', '=', 'LD-FL').executeTakeFirstOrThrow();
    const other = (await t.userWith('viewer', fl.id)).headers;
    expect((await get(`/api/v1/reports/annual?org=LD&year=${year}&format=md`, other)).statusCode).toBe(404);
    expect((await get(`/api/v1/reports/half-year?org=LD-FL&year=${year}&format=md`, other)).statusCode).toBe(200);
    expect((await get(`/api/v1/reports/half-year?org=LD-ZGH&year=${year}&format=md`)).statusCode).toBe(404);
    expect((await get(`/api/v1/reports/monthly?org=LD&year=${year}`)).statusCode).toBe(400);
    expect((await get(`/api/v1/reports/annual?org=LD&year=20x5`)).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/annual?org=LD&year=${year}` })).statusCode).toBe(401);
  });
});
