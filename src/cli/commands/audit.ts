import { verifyAudit } from '../../server/modules/audit/audit.service';
import { openRuntime } from '../../server/runtime';
import { startProgress } from '../progress';
import { type CommandRun, parseCommandArgs, printJson, UsageError } from '../support';

export const runAudit: CommandRun = async (args, env) => {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError(sub ? `未知的 audit 子命令：${sub}` : '缺少子命令 verify');
  const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  const rt = await openRuntime(env.config);
  try {
    const head = await rt.database.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
    const progress = startProgress('校验审计日志', Number(head.seq));
    const result = await verifyAudit(rt.database.db, (done) => progress.update(done));
    progress.stop();
    if (values.json) printJson(env, result);
    else if (result.ok) env.out(`审计日志完整：${result.entries} 条`);
    else env.out(`审计日志校验失败：第 ${result.brokenSeq} 条 — ${result.reason}（此前 ${result.entries} 条完好）`);
    return result.ok ? 0 : 1;
  } finally {
    await rt.close();
  }
};
