import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { shanghaiDate } from '../../domain/dates';
import { ledgerKinds } from '../../domain/ledgers/catalogs';
import { AppError } from '../../server/http/errors';
import { prepareExport } from '../../server/modules/imports/export';
import type { ImportKind } from '../../server/modules/imports/kinds/types';
import { resolveOrgCode } from '../../server/modules/imports/org-resolver';
import { openRuntime, systemCtx } from '../../server/runtime';
import { type CommandRun, exitCode, InputError, parseCommandArgs, requireOption, UsageError } from '../support';

/** `quntuan export <kind> --org <orgCode> [--from YYYY-MM-DD] [--to YYYY-MM-DD] -o <file.xlsx>`; the period defaults to this calendar year. */
export const runExportCommand: CommandRun = async (args, env) => {
  const { values, positionals } = parseCommandArgs(args, {
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    o: { type: 'string', short: 'o' },
    output: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [kind, ...extra] = positionals;
  if (!kind || !(ledgerKinds as readonly string[]).includes(kind)) throw new UsageError(kind ? `未知的导出类型：${kind}（可选 ${ledgerKinds.join('、')}）` : '缺少导出类型 <kind>');
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}`);
  const orgCode = requireOption(values.org, '--org');
  const out = requireOption(values.o ?? values.output, '-o');
  for (const [flag, v] of [['--from', values.from], ['--to', values.to]] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${flag} 应为 YYYY-MM-DD`);
  }
  const rt = await openRuntime(env.config);
  try {
    const ctx = systemCtx(rt, 'cli-export');
    const orgId = await resolveOrgCode(ctx, orgCode);
    if (!orgId) throw new InputError(`组织代码“${orgCode}”不存在`);
    const year = shanghaiDate(rt.now()).slice(0, 4);
    const dated = kind !== 'people' && kind !== 'households';
    const filter = { orgId, ...(dated ? { from: values.from ?? `${year}-01-01`, to: values.to ?? `${year}-12-31` } : {}) };
    // the server's operator: everything in full, so the file imports elsewhere with identical figures (audited as read_pii)
    const run = await prepareExport(ctx, kind as ImportKind, filter, { idNumbers: true, contacts: true }).catch((e: unknown) => {
      throw e instanceof AppError ? new InputError(e.message) : e;
    });
    const stream = createWriteStream(out);
    const { rows } = await run(stream);
    await finished(stream);
    if (values.json) env.out(JSON.stringify({ kind, rows, file: out, ...filter }));
    else env.out(`已导出 ${kind} ${rows} 行到 ${out}`);
    return exitCode.ok;
  } finally {
    await rt.close();
  }
};
