import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { buildActivity, buildAssistance, buildLoan } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { appendixHeader } from '../../../domain/report/appendix';
import { loadConfig } from '../../config';
import { seedDemo } from '../demo/demo.seed';
import { generateReport } from './reports.service';

/**
 * The Word report's 附：数据来源 is a compact table a county reader can use: 序号, 文中数字, 指标 (in
 * words), 统计单位, 期间, 记录数 — no metric codes anywhere in the document (they belong to the HTML
 * links). Checked on the demo county and on a county built here from nothing, by reading
 * word/document.xml and, where LibreOffice is installed (always under CI), by counting the appendix's
 * pages in the PDF it renders.
 */
const repoRoot = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const base = loadConfig();
const which = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
const soffice = which('soffice') || which('libreoffice');
const codePattern = /[a-z]+\.[a-z_]+/;

let t: TestApp;
let dir: string;
const leaders: Record<string, { authorization: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'quntuan-appendix-'));
  await seedDemo(t.sys, { dataDir: t.config.dataDir, year: 2025, print() {} });
  const ld = await t.sys.db.selectFrom('org_units').select('id').where('code', '=', 'LD').executeTakeFirstOrThrow();
  leaders.demo = (await t.userWith('leader', ld.id, 'demo-leader')).headers;

  // a second county, built here: 青禾县委 → 总工会 (→ 镇工会 → two village unions), 妇联 (→ 镇妇联)
  const county = await buildUnit(t.sys, { code: 'QH2', name: '青禾县委', kind: 'party_committee', level: 'county' });
  const union = await buildUnit(t.sys, { code: 'QH2-GH', name: '青禾县总工会', kind: 'union', level: 'county', parentId: county.id });
  const women = await buildUnit(t.sys, { code: 'QH2-FL', name: '青禾县妇联', kind: 'womens_federation', level: 'county', parentId: county.id });
  const town = await buildUnit(t.sys, { code: 'QH2-GH-T1', name: '东河镇工会', kind: 'union', level: 'township', parentId: union.id });
  const townWomen = await buildUnit(t.sys, { code: 'QH2-FL-T1', name: '东河镇妇联', kind: 'womens_federation', level: 'township', parentId: women.id });
  for (const v of [1, 2]) await buildUnit(t.sys, { code: `QH2-GH-T1-V${v}`, name: `东河镇${v}村工会`, kind: 'grassroots_union', level: 'village', parentId: town.id, establishedOn: `2025-0${v + 2}-01` });
  const person = await buildPerson(t.sys, { orgId: townWomen.id, gender: '女' });
  await buildActivity(t.sys, { orgId: women.id, type: '培训', sessions: 3, participants: 90, startOn: '2025-04-08' });
  await buildActivity(t.sys, { orgId: union.id, type: '宣讲', sessions: 2, participants: 140, startOn: '2025-05-12' });
  await buildLoan(t.sys, { orgId: townWomen.id, personId: person.id, principalWan: 6, disbursedOn: '2025-06-01' });
  await buildAssistance(t.sys, { orgId: town.id, personId: person.id, program: '送温暖', amountYuan: 600, givenOn: '2025-01-20' });
  leaders.fresh = (await t.userWith('leader', county.id, 'qh2-leader')).headers;
}, 240_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The text of every w:t in an XML fragment, in order. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function word(org: string, who: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/annual?org=${org}&year=2025&format=docx`, headers: leaders[who] });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
  const at = xml.indexOf('附：数据来源');
  expect(at, 'the appendix heading').toBeGreaterThan(0);
  const table = xml.slice(xml.indexOf('<w:tbl>', at), xml.indexOf('</w:tbl>', at));
  const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])));
  return { bytes: res.rawPayload, xml, text: textOf(xml), rows, gridCols: (table.match(/<w:gridCol /g) ?? []).length };
}

/** LibreOffice renders the docx; the pages from 附：数据来源 to the next appendix (or the end). */
function appendixPages(bytes: Buffer, name: string): { pages: number; total: number } {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, bytes);
  const fonts = join(dir, 'fonts.conf');
  writeFileSync(fonts, `<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>${join(repoRoot, 'docs/fonts/fontconfig-gbt9704.conf')}</include></fontconfig>\n`);
  const conv = spawnSync('env', [`FONTCONFIG_FILE=${fonts}`, `HOME=${dir}`, soffice, `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 150_000 });
  const pdf = join(dir, `${name}.pdf`);
  expect(existsSync(pdf), conv.stderr).toBe(true);
  const total = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
  const page = (i: number) => spawnSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i), '-l', String(i), pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
  const next = /附：(年度目标|未写入的语句)/;
  let first = 0;
  let last = total;
  for (let i = 1; i <= total; i++) {
    const p = page(i);
    if (!first && p.includes('附：数据来源')) {
      first = i;
      if (next.test(p.slice(p.indexOf('附：数据来源')))) {
        last = i;
        break;
      }
    } else if (first && next.test(p)) {
      // the table ends on this page when anything comes before the next appendix's heading
      last = (next.exec(p)?.index ?? 0) > 0 ? i : i - 1;
      break;
    }
  }
  expect(first, 'the appendix is in the PDF').toBeGreaterThan(0);
  return { pages: last - first + 1, total };
}

describe('附：数据来源 in the Word report', { timeout: 240_000 }, () => {
  for (const [who, org] of [['demo', 'LD'], ['fresh', 'QH2']] as const) {
    it(`${who === 'demo' ? 'the demo county' : 'a county built from nothing'}: a six-column table in words, no metric code in the document`, async () => {
      const doc = await generateReport(t.sys, { kind: 'annual', org, year: 2025 });
      const w = await word(org, who);
      expect(w.gridCols).toBe(6);
      expect(w.rows[0]).toEqual([...appendixHeader]);
      expect(appendixHeader).toEqual(['序号', '文中数字', '指标', '统计单位', '期间', '记录数']);
      expect(w.rows.length - 1).toBe(doc.figures.length);
      expect(doc.figures.length).toBeGreaterThan(who === 'demo' ? 20 : 3);
      const m = codePattern.exec(w.text);
      expect(m, `a metric code in the Word text: ${m?.[0]}`).toBeNull();
      for (const [i, f] of doc.figures.entries()) {
        const [n, text, metric, unit, period, records] = w.rows[i + 1];
        expect(n).toBe(String(f.n));
        expect(text).toBe(f.text);
        expect(metric).toMatch(/^[\u4e00-\u9fff/]/);
        expect(unit).toBe(f.orgName);
        expect(period).toBe('2025年');
        expect(records).toBe(String(f.records));
      }
      // the records count is the length of the figure's records list (the metric's own provenance)
      const loans = doc.figures.find((f) => f.ref === 'loans.amount');
      if (loans) {
        const res = await t.app.inject({ url: `/api/v1/metrics/loans.amount/records?org=${loans.org}&from=${loans.from}&to=${loans.to}`, headers: leaders[who] });
        expect(res.statusCode, res.body).toBe(200);
        expect(loans.records).toBe((res.json() as { total: number }).total);
      }
      const union = doc.figures.find((f) => f.ref === 'orgs.new{kind=grassroots_union}');
      expect(union, 'the county report counts new village unions').toBeDefined();
      expect(w.rows[(union?.n ?? 0)][2]).toBe('新建组织数（组织类型：基层工会）');
    });

    it.skipIf(!soffice && !base.isCi)(`${who === 'demo' ? 'the demo county' : 'a county built from nothing'}: LibreOffice lays the appendix on few pages`, async () => {
      const doc = await generateReport(t.sys, { kind: 'annual', org, year: 2025 });
      const w = await word(org, who);
      const { pages, total } = appendixPages(w.bytes, who);
      // a row takes one or two 15 pt lines: about 30 rows a page, never a page for a handful of rows
      expect(pages, `${pages} of ${total} pages for ${doc.figures.length} figures`).toBeLessThanOrEqual(Math.ceil(doc.figures.length / 25));
    });
  }
});
