import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type ReportFormat, writeReport } from '../../server/modules/reports/reports.output';
import { generateReport, reportKinds } from '../../server/modules/reports/reports.service';
import { openRuntime, systemCtx } from '../../server/runtime';
import { appErrorToInputError, type CommandRun, parseCommandArgs, printJson, requireOption, UsageError } from '../support';

const formats: Record<string, ReportFormat> = { '.docx': 'docx', '.md': 'md', '.html': 'html', '.htm': 'html' };
const fieldNames: Record<string, string> = { org: '--org', year: '--year' };

/**
 * `quntuan report <annual|half-year> --org <orgCode> --year YYYY -o <file.docx|.md|.html>`: the work
 * report from the unit's default template, every figure computed from the records. The format comes
 * from the file extension. Usage errors exit 2; an unknown unit or a bad template exits 1.
 */
export const runReport: CommandRun = async (args, env) => {
  const { values, positionals } = parseCommandArgs(args, {
    org: { type: 'string' },
    year: { type: 'string' },
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '缺少报告类型（annual 或 half-year）');
  const kind = reportKinds.find((k) => k === positionals[0]);
  if (!kind) throw new UsageError(`未知的报告类型：${positionals[0]}（应为 annual 或 half-year）`);
  const org = requireOption(values.org, '--org');
  const yearText = requireOption(values.year, '--year');
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year 应为 4 位年份：${yearText}`);
  const file = requireOption(values.output, '-o');
  const format = formats[extname(file).toLowerCase()];
  if (!format) throw new UsageError(`无法从文件名判断格式：${file}（应以 .docx、.md 或 .html 结尾）`);

  const rt = await openRuntime(env.config);
  try {
    const doc = await generateReport(systemCtx(rt, 'cli'), { kind, org, year: Number(yearText) }).catch((e: unknown) => {
      throw appErrorToInputError(e, fieldNames);
    });
    writeFileSync(file, await writeReport(doc, format));
    if (values.json) printJson(env, { ok: true, kind, org: doc.org, year: doc.year, format, file, figures: doc.figures.length });
    else env.out(`已生成 ${file}（${doc.title}，${doc.figures.length} 个数字均来自台账记录）`);
    return 0;
  } finally {
    await rt.close();
  }
};
