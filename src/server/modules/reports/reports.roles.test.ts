import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { buildActivity, buildAssistance, buildContract, buildLoan } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { runReport } from '../../../cli/commands/report';
import type { OrgKind, OrgLevel } from '../../../domain/org';
import { computeMetric } from '../metrics/metrics.service';
import { writeMarkdown } from './reports.markdown';
import { generateReport, previewReport } from './reports.service';

/**
 * A second county built from nothing (not the demo): 和溪县 with its own codes, its 县委 holding the
 * 总工会, 团县委, 妇联, 科协 and two township Party committees, each township with its own 工会 and
 * 妇联 and only 甲镇 with a 团委. Every reporting unit gets its Word report from the default
 * templates, which name bodies by role; no 机关工委 or 党校 here, so those sentences are left out.
 */
let t: TestApp;
let leader: { authorization: string };
const u: Record<string, { id: string; code: string; name: string }> = {};
const year = 2026; // the test clock says 2026-06-15

async function unit(code: string, name: string, kind: OrgKind, level: OrgLevel, parent?: string) {
  u[code] = await buildUnit(t.sys, { code, name, kind, level, parentId: parent ? u[parent].id : undefined });
}

beforeAll(async () => {
  t = await createTestApp();
  await unit('HX', '和溪县委', 'party_committee', 'county');
  await unit('HX-GH', '和溪县总工会', 'union', 'county', 'HX');
  await unit('HX-TW', '共青团和溪县委', 'youth_league', 'county', 'HX');
  await unit('HX-FL', '和溪县妇联', 'womens_federation', 'county', 'HX');
  await unit('HX-KX', '和溪县科协', 'science_association', 'county', 'HX');
  await unit('HX-TW-Z1', '和溪县第一中学团委', 'youth_branch', 'county', 'HX-TW');
  await unit('HX-FL-Z1', '和溪县直机关妇工委', 'womens_branch', 'county', 'HX-FL');
  for (const [town, name, withYouth] of [['A', '甲镇', true], ['B', '乙乡', false]] as const) {
    const p = `HX-${town}`;
    await unit(p, `${name}党委`, 'party_committee', 'township', 'HX');
    await unit(`${p}-GH`, `${name}工会`, 'union', 'township', p);
    await unit(`${p}-FL`, `${name}妇联`, 'womens_federation', 'township', p);
    if (withYouth) await unit(`${p}-TW`, `${name}团委`, 'youth_league', 'township', p);
    for (const v of [1, 2]) {
      await unit(`${p}-GH-${v}`, `${name}${v}村工会`, 'grassroots_union', 'village', `${p}-GH`);
      await unit(`${p}-FL-${v}`, `${name}${v}村妇联`, 'womens_branch', 'village', `${p}-FL`);
      if (withYouth) await unit(`${p}-TW-${v}`, `${name}${v}村团支部`, 'youth_branch', 'village', `${p}-TW`);
    }
  }
  // a few ledger records, spread over the tree
  await buildActivity(t.sys, { orgId: u['HX-FL'].id, type: '培训', sessions: 3, participants: 120, startOn: '2026-03-08' });
  await buildActivity(t.sys, { orgId: u['HX-A-FL'].id, type: '培训', sessions: 2, participants: 45, startOn: '2026-04-02' });
  await buildActivity(t.sys, { orgId: u['HX-TW'].id, type: '培训', sessions: 1, participants: 60, startOn: '2026-05-04', outcomes: [{ name: '签订就业合同', value: 23, unit: '份' }] });
  await buildActivity(t.sys, { orgId: u['HX-A-TW'].id, type: '公益', participants: 35, startOn: '2026-03-05' });
  await buildActivity(t.sys, { orgId: u['HX-GH'].id, type: '培训', sessions: 2, participants: 88, startOn: '2026-02-20' });
  await buildActivity(t.sys, { orgId: u['HX-KX'].id, type: '宣讲', sessions: 4, participants: 530, startOn: '2026-05-18' });
  const woman = await buildPerson(t.sys, { orgId: u['HX-A-FL'].id, gender: '女' });
  const other = await buildPerson(t.sys, { orgId: u['HX-FL'].id, gender: '女' });
  await buildLoan(t.sys, { orgId: u['HX-A-FL'].id, personId: woman.id, principalWan: 8, disbursedOn: '2026-03-01' });
  await buildLoan(t.sys, { orgId: u['HX-FL'].id, personId: other.id, principalWan: 12.5, disbursedOn: '2026-04-01' });
  await buildAssistance(t.sys, { orgId: u['HX-B-GH'].id, personId: woman.id, program: '送温暖', amountYuan: 800, givenOn: '2026-01-20' });
  await buildAssistance(t.sys, { orgId: u['HX-GH'].id, personId: other.id, program: '送温暖', amountYuan: 1200, givenOn: '2026-01-22' });
  await buildContract(t.sys, { orgId: u['HX-A-GH-1'].id, workers: 140, signedOn: '2026-04-10' });
  leader = (await t.userWith('leader', u.HX.id)).headers;
}, 120_000);
afterAll(() => t.close());

const word = async (org: string, kind = 'annual') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${kind}?org=${org}&year=${year}&format=docx`, headers: leader });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
  return { template: res.headers['x-report-template'], text: xml.replace(/<[^>]+>/g, ''), xml };
};

describe('a second county reports through the role-based default templates', () => {
  const cases = [
    ['HX', 'default:county-annual'],
    ['HX-FL', 'default:womens-annual'],
    ['HX-GH', 'default:union-annual'],
    ['HX-TW', 'default:youth-annual'],
    ['HX-KX', 'default:science-annual'],
    ['HX-A', 'default:township-annual'],
    ['HX-A-FL', 'default:township-womens-annual'],
    ['HX-A-GH', 'default:township-union-annual'],
    ['HX-A-TW', 'default:youth-annual'],
  ] as const;

  it.each(cases)('%s gets a Word report (%s) whose every figure is the metric service\'s for its unit', async (org, template) => {
    const docx = await word(org);
    expect(docx.template).toBe(template);
    const doc = await generateReport(t.sys, { kind: 'annual', org, year });
    expect(doc.figures.length).toBeGreaterThan(3);
    for (const f of doc.figures) {
      const m = await computeMetric(t.sys, { code: f.code, filters: f.filters, org: f.org, from: f.from, to: f.to });
      expect({ ref: f.ref, org: f.org, value: f.value }).toEqual({ ref: f.ref, org: f.org, value: m.value });
      expect(docx.xml).toContain(`>${f.text}<`);
    }
    expect(docx.text).toContain(doc.titleLines[0]);
    expect(docx.text).not.toMatch(/XX|LD-|林甸/);
  });

  it('names the bodies by role: the county committee\'s 妇联 is 县妇联, a 妇联 reports its own tree', async () => {
    const county = await generateReport(t.sys, { kind: 'annual', org: 'HX', year });
    const orgOf = (ref: string) => Array.from(new Set(county.figures.filter((f) => f.ref === ref).map((f) => f.org)));
    expect(orgOf('loans.amount')).toEqual(['HX-FL']);
    expect(orgOf('contracts.count')).toEqual(['HX-GH']);
    expect(orgOf('activities.outcome{name=签订就业合同}')).toEqual(['HX-TW']);
    const loans = county.figures.find((f) => f.ref === 'loans.amount');
    expect([loans?.value, loans?.text]).toEqual([12.5, '12.5']); // 甲镇妇联's loan is under 甲镇党委, not 县妇联
    const town = await generateReport(t.sys, { kind: 'annual', org: 'HX-A', year });
    expect(town.figures.find((f) => f.ref === 'loans.amount')).toMatchObject({ org: 'HX-A-FL', value: 8 });
    expect(town.figures.find((f) => f.ref === 'contracts.count')).toMatchObject({ org: 'HX-A-GH', value: 1 });
    expect(town.omitted).toEqual([]);
  });

  it('leaves out the sentences of a role the tree lacks, and lists them with the reason in the Word appendix', async () => {
    // 乙乡 has no 团委: its 共青团 sentences go; 工会 and 妇联 stay
    const town = await generateReport(t.sys, { kind: 'annual', org: 'HX-B', year });
    expect(town.omitted.length).toBeGreaterThan(0);
    expect(town.omitted.every((o) => o.reason === '“乙乡党委”及其下级单位中没有团委')).toBe(true);
    expect(town.omitted.flatMap((o) => o.placeholders).every((p) => p.includes('@团委'))).toBe(true);
    expect(town.figures.some((f) => f.org === 'HX-B-GH')).toBe(true);
    const docx = await word('HX-B');
    expect(docx.text).toContain('附：未写入的语句');
    expect(docx.text).toContain('“乙乡党委”及其下级单位中没有团委');
    expect(docx.text).not.toContain('（二）共青团工作。');
    expect(docx.text).toContain('乡镇团委开展青年培训…期，培训青年…人次；');
    // the county has no 机关工委 and no 党校: their three sentences go, each listed; the rest of the section stays
    const county = await generateReport(t.sys, { kind: 'annual', org: 'HX', year });
    expect(county.omitted.map((o) => o.reason)).toEqual(['“和溪县委”及其下级单位中没有机关工委', '“和溪县委”及其下级单位中没有机关工委', '“和溪县委”及其下级单位中没有党校']);
    const md = writeMarkdown(county);
    expect(md).toContain('**（一）机关党建有新局面。**加强机关作风建设，行政效能显著提升。\n');
    expect(md).toContain('| 3 | 第 6 行 | 强化党校培训阵地作用，聘任兼职教师…人，开展宣讲等活动…期，教育干部群众…人次。 | “和溪县委”及其下级单位中没有党校 |');
  });

  it('takes, of two units equally near, the one the settings name, else the first by code; a wrong setting is an error', async () => {
    const source = '# 报告\n基层工会{{orgs.count{kind=grassroots_union} | org=@基层工会}}个。';
    const first = await previewReport(t.sys, { template: source, org: 'HX', kind: 'annual', year });
    expect(first.valid && first.doc.figures[0].org).toBe('HX-A-GH-1');
    const named = await previewReport(t.sys, { template: `${source}\n@基层工会 = HX-B-GH-2`, org: 'HX', kind: 'annual', year });
    expect(named.valid && named.doc.figures[0].org).toBe('HX-B-GH-2');
    const wrongKind = await previewReport(t.sys, { template: `${source}\n@基层工会 = HX-B-FL`, org: 'HX', kind: 'annual', year });
    expect(wrongKind).toEqual({ valid: false, issues: [{ line: 3, column: 1, placeholder: '', message: '组织“HX-B-FL”不是基层工会，不能设定为“@基层工会”' }] });
  });

  it('the preview lists what was left out and why', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/report-templates/preview', headers: leader,
      payload: { template: '# 报告\n妇联培训{{activities.sessions{type=培训} | org=@妇联}}期。团委培训{{activities.sessions{type=培训} | org=@团委}}期。', org: 'HX-B', year },
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.valid).toBe(true);
    expect(r.omitted).toEqual([{ n: 1, line: 2, sentence: '团委培训…期。', placeholders: ['activities.sessions{type=培训} | org=@团委'], reason: '“乙乡党委”及其下级单位中没有团委' }]);
    expect(r.html).toContain('附：未写入的语句');
  });

  it('quntuan report annual --org works for this county\'s committee', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quntuan-hx-'));
    try {
      const file = join(dir, 'hx.docx');
      const lines: string[] = [];
      expect(await runReport(['annual', '--org', 'HX', '--year', String(year), '-o', file], { config: t.config, out: (l) => lines.push(l), err: (l) => lines.push(l) })).toBe(0);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      expect(lines.join('\n')).toContain('关于2026年群团工作情况');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
