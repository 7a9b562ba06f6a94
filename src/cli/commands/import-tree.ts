import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../server/http/errors';
import { buildErrorWorkbook } from '../../server/modules/imports/error-workbook';
import { resolveOrgCode } from '../../server/modules/imports/org-resolver';
import type { TreeImportResult } from '../../server/modules/imports/tree-batches';
import { createSmsSender } from '../../server/modules/otp/sms';
import { importOrgTree } from '../../server/modules/orgs/orgs.import';
import { buildCredentialSheet, importUsers, type UserImportResult } from '../../server/modules/users/users.import';
import { openRuntime, systemCtx } from '../../server/runtime';
import { type CommandRun, exitCode, InputError, parseCommandArgs, printJson, readImportFile, requireOption, UsageError } from '../support';

/**
 * `quntuan import orgs <file.xlsx> --org <rootCode> [--dry-run] [--errors <out.xlsx>] [--json]`
 * `quntuan import users <file.xlsx> --org <rootCode> [--dry-run] [--errors <out.xlsx>] [--json] [-o <passwords.xlsx>]`
 * All or nothing: exit 1 (nothing written) when any row is bad. The users' one-time passwords go to
 * `-o` as a sheet; without `-o` they are printed once (in the JSON as `credentials`).
 */
export const runTreeImport: CommandRun = async (args, env) => {
  const { values, positionals } = parseCommandArgs(args, {
    org: { type: 'string' },
    'dry-run': { type: 'boolean' },
    errors: { type: 'string' },
    json: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  });
  const [kind, file, ...extra] = positionals;
  if (kind !== 'orgs' && kind !== 'users') throw new UsageError(`未知的导入类型：${kind}`);
  if (!file) throw new UsageError('缺少文件 <file.xlsx>');
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}`);
  if (kind === 'orgs' && values.output) throw new UsageError('-o 只用于 import users（初始密码表）');
  const orgCode = requireOption(values.org, '--org');
  const content = readImportFile(file);
  const rt = await openRuntime(env.config);
  try {
    const ctx = systemCtx(rt, `cli-import-${kind}`);
    const orgId = await resolveOrgCode(ctx, orgCode);
    if (!orgId) throw new InputError(`组织代码“${orgCode}”不存在`);
    const req = { orgId, filename: basename(file), content, dryRun: values['dry-run'] };
    const result: TreeImportResult | UserImportResult = await (kind === 'orgs' ? importOrgTree(ctx, req) : importUsers(ctx, { ...req, sms: env.config.sms ? createSmsSender(env.config, { info: () => {} }) : null })).catch((e: unknown) => {
      if (e instanceof AppError && e.code !== 'INTERNAL') throw new InputError(e.message);
      throw e;
    });
    const credentials = kind === 'users' ? (result as UserImportResult).credentials : [];
    if (values.errors && result.errors.length) writeFileSync(values.errors, await buildErrorWorkbook(content, result.cells.errors, result.cells.headerRow));
    if (values.output && credentials.length) writeFileSync(values.output, await buildCredentialSheet(credentials), { mode: 0o600 });
    if (values.json) {
      const { rows, accepted, rejected, duplicates, created, updated, errors, batchId } = result;
      const shown = !values.output && credentials.length ? { credentials: credentials.map((c) => ({ username: c.username, displayName: c.displayName, password: c.password })) } : {};
      printJson(env, { kind, rows, accepted, rejected, duplicates, created, updated, batchId, errors, ...shown });
    } else {
      const label = kind === 'orgs' ? '组织' : '用户';
      const written = result.batchId ? `已写入（新增 ${result.created}，更新 ${result.updated}；批次 ${result.batchId}）` : values['dry-run'] ? '试导入，未写入' : '未写入任何数据';
      env.out(`${label}：共 ${result.rows} 行，正确 ${result.accepted} 行，错误 ${result.rejected} 行，已有 ${result.duplicates} 行；${written}`);
      for (const w of result.warnings) env.err(`提示：${w}`);
      for (const e of result.errors.slice(0, 50)) env.err(`第 ${e.row} 行${e.column ? `「${e.column}」` : ''}：${e.message}`);
      if (result.errors.length > 50) env.err(`……另有 ${result.errors.length - 50} 条错误${values.errors ? `，见 ${values.errors}` : '（加 --errors <out.xlsx> 生成错误说明表）'}`);
      if (credentials.length && values.output) env.out(`初始密码表已写入 ${values.output}（只生成这一次，请妥善保管；首次登录须修改密码）`);
      else if (credentials.length) {
        env.out('初始密码（只显示这一次；首次登录须修改密码）：');
        for (const c of credentials) env.out(`  ${c.username}\t${c.displayName}\t${c.password}`);
      }
    }
    return result.errors.length ? exitCode.input : exitCode.ok;
  } finally {
    await rt.close();
  }
};
