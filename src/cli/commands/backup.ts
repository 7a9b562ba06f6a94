import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { appendCheckpoint } from '../../server/modules/audit/audit.checkpoints';
import { appendAudit } from '../../server/modules/audit/audit.service';
import { openRuntime, systemCtx } from '../../server/runtime';
import { keyCheckText, keyNotice } from '../dump/format';
import { writeBackup } from '../dump/write';
import { type Progress, startProgress } from '../progress';
import { type CommandRun, InputError, parseCommandArgs, printJson, requireOption, UsageError } from '../support';

export const runBackup: CommandRun = async (args, env) => {
  const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' }, json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  const file = resolve(requireOption(values.output, '-o'));
  if (!existsSync(dirname(file))) throw new InputError(`目录不存在：${dirname(file)}`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new InputError(`-o 应为文件，而 ${file} 是目录`);

  const rt = await openRuntime(env.config);
  try {
    // a full backup reads every record, personal data included: it is audited like a sensitive read
    await appendAudit(systemCtx(rt, 'cli'), { action: 'backup', entity: 'database', detail: { file } });
    let progress: Progress | null = null;
    const summary = await writeBackup(rt.database, file, {
      keyCheck: rt.crypto.blindIndex(keyCheckText),
      now: rt.now,
      onStart: (total) => (progress = startProgress('备份', total)),
      onRows: (n) => progress?.increment(n),
    });
    (progress as Progress | null)?.stop();
    // every backup anchors the audit chain outside the database: the header carries the checkpoint,
    // and it goes to the data directory's checkpoint file and to this command's output
    const cp = summary.auditCheckpoint;
    const checkpointFile = appendCheckpoint(rt.config.dataDir, cp);
    if (values.json) printJson(env, { ...summary, dialect: rt.database.dialect, checkpointFile });
    else {
      env.out(`已备份 ${summary.tables.length} 张表、${summary.rows} 行到 ${summary.file}（${(summary.bytes / 1024).toFixed(1)} KB，${rt.database.dialect}）`);
      env.out(`审计检查点：第 ${cp.seq} 条 ${cp.hash} ${cp.at}（已写入备份文件头和 ${checkpointFile}）`);
      env.out(keyNotice);
    }
    return 0;
  } finally {
    await rt.close();
  }
};
