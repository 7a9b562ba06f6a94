import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ledgerKinds } from '../../domain/ledgers/catalogs';
import { AppError } from '../../server/http/errors';
import { buildErrorWorkbook } from '../../server/modules/imports/error-workbook';
import { resolveFieldName } from '../../domain/imports/mapping';
import { runImport } from '../../server/modules/imports/import.service';
import { kindSpecs } from '../../server/modules/imports/kinds';
import { saveUsedMapping } from '../../server/modules/imports/mappings.service';
import type { MappingInfo } from '../../server/modules/imports/sheet-layout';
import type { ImportKind } from '../../server/modules/imports/kinds/types';
import { resolveOrgCode } from '../../server/modules/imports/org-resolver';
import { openRuntime, systemCtx } from '../../server/runtime';
import { type Progress, startProgress } from '../progress';
import { type CommandRun, exitCode, InputError, parseCommandArgs, printJson, readImportFile, requireOption, UsageError } from '../support';

/**
 * `quntuan import <kind> <file.xlsx> --org <orgCode> [--dry-run] [--accept-valid] [--errors <out.xlsx>] [--json]
 *   [--map <原列名>=<字段> …] [--mapping <保存的名称>] [--save-mapping <名称>]`
 * A clerk's own headers: `--map 救助项目=帮扶项目` says which column fills which field (a field by
 * its template header, a synonym or its key; `=跳过` skips the column); `--mapping` reads the file
 * with a mapping saved for the unit (in the wizard or with `--save-mapping`), `--map` entries win.
 * Exit 0 when every row was good (written, or a clean dry run); 1 when the input had errors
 * (nothing written unless --accept-valid); 2 on a usage error.
 */
export const runImportCommand: CommandRun = async (args, env) => {
  // the set-up kinds (org tree, users) have their own command: all or nothing, a passwords sheet
  if (args[0] === 'orgs' || args[0] === 'users') return (await import('./import-tree')).runTreeImport(args, env);
  const { values, positionals } = parseCommandArgs(args, {
    org: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'accept-valid': { type: 'boolean' },
    errors: { type: 'string' },
    json: { type: 'boolean' },
    map: { type: 'string', multiple: true },
    mapping: { type: 'string' },
    'save-mapping': { type: 'string' },
  });
  const [kind, file, ...extra] = positionals;
  if (!kind || !(ledgerKinds as readonly string[]).includes(kind)) throw new UsageError(kind ? `未知的导入类型：${kind}（可选 ${ledgerKinds.join('、')}）` : '缺少导入类型 <kind>');
  if (!file) throw new UsageError('缺少文件 <file.xlsx>');
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}`);
  const orgCode = requireOption(values.org, '--org');
  const mapping = parseMapOptions(kind as ImportKind, values.map ?? []);
  const content = readImportFile(file);
  const rt = await openRuntime(env.config);
  let bar: Progress | null = null;
  try {
    const ctx = systemCtx(rt, 'cli-import');
    const orgId = await resolveOrgCode(ctx, orgCode);
    if (!orgId) throw new InputError(`组织代码“${orgCode}”不存在`);
    let phase = '';
    const result = await runImport(ctx, {
      kind: kind as ImportKind,
      orgId,
      filename: basename(file),
      content,
      dryRun: values['dry-run'],
      acceptValid: values['accept-valid'],
      mapping,
      mappingName: values.mapping,
      onProgress: (p) => {
        if (p.phase !== phase) {
          bar?.stop();
          phase = p.phase;
          bar = startProgress(p.phase === 'read' ? '读取' : '写入', p.phase === 'read' ? 100 : p.total);
        }
        bar?.update(p.phase === 'read' ? Math.floor((p.done / Math.max(p.total, 1)) * 100) : p.done);
      },
    }).catch((e: unknown) => {
      if (e instanceof AppError && e.code !== 'INTERNAL') throw new InputError(e.message);
      throw e;
    });
    (bar as Progress | null)?.stop();
    bar = null;
    if (values.errors && result.errors.length) {
      writeFileSync(values.errors, await buildErrorWorkbook(content, result.cells.errors, result.cells.headerRow, result.cells.dateColumns));
    }
    const saveName = values['save-mapping'];
    const saved = saveName ? await saveUsedMapping(ctx, { orgId, kind: kind as ImportKind, name: saveName }, result) : null;
    if (values.json) {
      const { kind: k, rows, accepted, rejected, duplicates, errors } = result;
      printJson(env, { kind: k, rows, accepted, rejected, duplicates, errors });
    } else {
      const written = result.batchId ? `已写入 ${result.accepted} 行（批次 ${result.batchId}）` : values['dry-run'] ? '试导入，未写入' : '未写入任何数据';
      env.out(`${kind}：共 ${result.rows} 行，正确 ${result.accepted} 行，错误 ${result.rejected} 行，重复 ${result.duplicates} 行；${written}`);
      for (const w of result.warnings) env.err(`提示：${w}`);
      if (result.mapping?.saved) env.err(`提示：按保存的列对应“${result.mapping.saved}”读取各列`);
      if (saved) env.err(`提示：列对应已保存为“${saved.name}”，下次可用 --mapping ${saved.name}（同样表头的文件也会自动使用）`);
      else if (saveName) env.err('提示：表头仍缺少必填列，列对应未保存');
      if (result.mapping?.missing.length) printColumns(env, result.mapping);
      for (const e of result.errors.slice(0, 50)) env.err(`第 ${e.row} 行${e.column ? `「${e.column}」` : ''}：${e.message}`);
      if (result.errors.length > 50) env.err(`……另有 ${result.errors.length - 50} 条错误${values.errors ? `，见 ${values.errors}` : '（加 --errors <out.xlsx> 生成错误说明表）'}`);
    }
    return result.errors.length ? exitCode.input : exitCode.ok;
  } finally {
    (bar as Progress | null)?.stop();
    await rt.close();
  }
};

/** `--map 原列名=字段` options → a mapping; a field the kind does not have is a usage error naming the choices. */
function parseMapOptions(kind: ImportKind, maps: string[]): Record<string, string | null> | undefined {
  if (maps.length === 0) return undefined;
  const defs = kindSpecs[kind].columns;
  const out: Record<string, string | null> = {};
  for (const m of maps) {
    const at = m.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map 应写成 原列名=字段（如 --map 救助项目=帮扶项目），收到“${m}”`);
    const field = resolveFieldName(m.slice(at + 1), defs);
    if (field === undefined) throw new UsageError(`--map ${m}：“${m.slice(at + 1)}”不是${kindSpecs[kind].title}的字段（可选：${defs.map((d) => d.header).join('、')}，或“跳过”）`);
    out[m.slice(0, at).trim()] = field;
  }
  return out;
}

/** The file's columns with their first values and suggestions, for writing the --map options. */
function printColumns(env: { err: (s: string) => void }, info: MappingInfo): void {
  const label = new Map(info.fields.map((f) => [f.key, f.label]));
  env.err(`第 ${info.headerRow} 行各列（用 --map 原列名=字段 指定；缺少：${info.missing.join('、')}）：`);
  for (const c of info.columns) {
    const now = c.field ? `→ ${label.get(c.field)}` : c.suggested ? `建议 ${label.get(c.suggested)}（${c.reason}）` : '未对应';
    env.err(`  ${c.header}：${c.samples.filter(Boolean).join('，') || '（空）'}  ${now}`);
  }
}
