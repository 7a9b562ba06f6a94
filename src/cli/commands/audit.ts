import { resolve } from 'node:path';
import { type AuditCheckpoint, checkpointFile, readCheckpoints } from '../../server/modules/audit/audit.checkpoints';
import { keyAuditChain } from '../../server/modules/audit/audit.rekey';
import { verifyAudit } from '../../server/modules/audit/audit.service';
import { openRuntime, systemCtx } from '../../server/runtime';
import { startProgress } from '../progress';
import { type CommandRun, InputError, parseCommandArgs, printJson, UsageError } from '../support';

export const runAudit: CommandRun = async (args, env) => {
  const [sub, ...rest] = args;
  if (sub === 'rekey') return runRekey(rest, env);
  if (sub !== 'verify') throw new UsageError(sub ? `未知的 audit 子命令：${sub}` : '缺少子命令 verify 或 rekey');
  const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' }, checkpoints: { type: 'string' } });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  let checkpoints: AuditCheckpoint[] | undefined;
  if (values.checkpoints !== undefined) {
    try {
      checkpoints = await readCheckpoints(resolve(values.checkpoints));
    } catch (e) {
      throw new InputError(`--checkpoints：${(e as Error).message}`);
    }
  }
  const rt = await openRuntime(env.config);
  try {
    const head = await rt.database.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
    const progress = startProgress('校验审计日志', Number(head.seq));
    const result = await verifyAudit(rt.database.db, rt.crypto, { checkpoints, onProgress: (done) => progress.update(done) });
    progress.stop();
    const against = result.checkpoint ? `（对照检查点：第 ${result.checkpoint.seq} 条，${result.checkpoint.at}）` : '';
    if (values.json) printJson(env, result);
    else if (result.ok) env.out(`审计日志完整：${result.entries} 条${against}`);
    else env.out(`审计日志校验失败：第 ${result.brokenSeq} 条 — ${result.reason}（此前 ${result.entries} 条完好）${against}`);
    if (!values.json && !checkpoints) {
      env.out(`提示：末尾连同链头一起被删除的条目只能对照检查点发现：quntuan audit verify --checkpoints ${checkpointFile(env.config.dataDir)}（或服务器日志、备份文件）`);
    }
    return result.ok ? 0 : 1;
  } finally {
    await rt.close();
  }
};

/**
 * `quntuan audit rekey`: converts an unkeyed chain on purpose (a re-key refused or interrupted at the
 * migration, or a chain found downgraded, after the operator has looked into it). A broken chain is
 * refused; the conversion is audited.
 */
const runRekey: CommandRun = async (args, env) => {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  const rt = await openRuntime(env.config);
  try {
    const r = await keyAuditChain(systemCtx(rt, 'cli'));
    if (values.json) printJson(env, r);
    else if (r.status === 'keyed') env.out('审计日志已是密钥链，无需转换');
    else if (r.status === 'rekeyed') env.out(`审计日志已转换为密钥链：${r.entries} 条（转换本身记入审计日志）`);
    else env.out(`审计日志校验失败：第 ${r.brokenSeq} 条 — ${r.reason}；未转换`);
    return r.status === 'refused' ? 1 : 0;
  } finally {
    await rt.close();
  }
};
