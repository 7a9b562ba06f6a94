import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../../cli/commands/report';
import { type CommandEnv, InputError, UsageError } from '../../../cli/support';
import { type Config, loadConfig } from '../../config';
import { openRuntime, systemCtx } from '../../runtime';
import { seedDemo } from '../demo/demo.seed';

/**
 * Checks with a real reader: `quntuan report` writes the docx, LibreOffice (headless) converts it to
 * PDF with the GB/T 9704 font aliases of docs/fonts, and the PDF's text must hold the figures. Runs in
 * the SQLite pass only (the CLI writes a SQLite file); skipped only where LibreOffice is missing
 * outside CI — under CI it must run.
 */
const repoRoot = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const base = loadConfig();
const which = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
const soffice = which('soffice') || which('libreoffice');
const skip = Boolean(base.testDatabaseUrl) || (!soffice && !base.isCi);

let dir: string;
let env: CommandEnv & { lines: string[] };

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'quntuan-report-'));
  const config: Config = { ...base, database: { kind: 'sqlite', file: join(dir, 'q.db') }, dataDir: dir, logLevel: 'silent', secret: 'test-secret-test-secret-test-secret-0123456789', adminPassword: undefined };
  const rt = await openRuntime(config, { now: () => new Date('2026-06-15T02:00:00.000Z') });
  try {
    await seedDemo(systemCtx(rt, 'test'), { dataDir: dir, year: 2025, print() {} });
  } finally {
    await rt.close();
  }
  const lines: string[] = [];
  env = { config, lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}, 240_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs a tool (120 s at most); `extraEnv` is added to the inherited environment through env(1). */
function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  const vars = Object.entries(extraEnv).map(([k, v]) => `${k}=${v}`);
  const r = spawnSync(vars.length ? 'env' : cmd, vars.length ? [...vars, cmd, ...args] : args, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** A fontconfig file that keeps the system's fonts and adds the GB/T 9704 aliases. */
function fontconfigFile(): string {
  const file = join(dir, 'fonts.conf');
  const aliases = join(repoRoot, 'docs/fonts/fontconfig-gbt9704.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>${aliases}</include></fontconfig>\n`);
  return file;
}

describe.skipIf(skip)('the annual report docx, read by LibreOffice', { timeout: 180_000 }, () => {
  it('quntuan report writes the docx; LibreOffice converts it; the PDF holds the figures in Chinese with the aliased fonts', async () => {
    const docx = join(dir, 'annual.docx');
    expect(await runReport(['annual', '--org', 'LD', '--year', '2025', '-o', docx], env)).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    const fontEnv = { FONTCONFIG_FILE: fontconfigFile(), HOME: dir };
    run(soffice, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], fontEnv);
    const pdf = join(dir, 'annual.pdf');
    expect(existsSync(pdf)).toBe(true);

    const text = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
    const flat = text.replace(/\s+/g, '');
    for (const s of ['关于2025年群团工作情况和2026年工作安排的报告', '一、2025年工作回顾', '8736万元', '1266名城乡妇女', '334个', '58个', '67个', '120余万元', '6000余人次', '8609人', '帮扶对子1248对', '接待职工38人次', '成功化解妇女信访案件47起', '二、2026年工作安排', '2026年主要目标', '力争发放贷款8000万元', '附：数据来源', '附：年度目标']) {
      expect(flat).toContain(s);
    }
    expect(flat).not.toContain('XX');
    expect(text).toMatch(/—\s*1\s*—/); // page numbers in the footer: — 1 —
    expect((text.match(/[\u4e00-\u9fff]/g) ?? []).length).toBeGreaterThan(1500);

    // the aliases took effect: 仿宋/小标宋 → Noto Serif CJK, 黑体 → Noto Sans CJK, 楷体 → AR PL UKai
    const fontsUsed = run('pdffonts', [pdf]);
    for (const f of ['NotoSerifCJK', 'NotoSansCJK', 'UKai']) expect(fontsUsed).toContain(f);

    const artifacts = join(repoRoot, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, 'report-page1')]);
    expect(statSync(join(artifacts, 'report-page1.png')).size).toBeGreaterThan(10_000);
  });

  it('quntuan report writes markdown and HTML by extension; usage errors and unknown units are told apart', async () => {
    const md = join(dir, 'half.md');
    expect(await runReport(['half-year', '--org', 'LD-FL', '--year', '2025', '-o', md], env)).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('389万元，71名创业女性');
    const html = join(dir, 'annual.html');
    expect(await runReport(['annual', '--org', 'LD', '--year', '2025', '-o', html], env)).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<a class="fig" href="/metrics?');
    await expect(runReport(['annual', '--org', 'LD', '--year', '2025', '-o', join(dir, 'x.pdf')], env)).rejects.toBeInstanceOf(UsageError);
    await expect(runReport(['monthly', '--org', 'LD', '--year', '2025', '-o', md], env)).rejects.toBeInstanceOf(UsageError);
    await expect(runReport(['annual', '--org', 'LD', '-o', md], env)).rejects.toBeInstanceOf(UsageError);
    await expect(runReport(['annual', '--org', 'NOPE', '--year', '2025', '-o', md], env)).rejects.toBeInstanceOf(InputError);
  });
});
