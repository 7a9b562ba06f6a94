import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../server/db/database';
import { keyingMigration } from '../../server/modules/audit/audit.rekey';
import { verifyAudit } from '../../server/modules/audit/audit.service';
import { keyAuditAfterMigrations } from '../../server/runtime';
import { createCrypto, loadOrCreateSecret } from '../../server/security/crypto';
import { keyCheckText, keyNotice } from '../dump/format';
import { restoreBackup } from '../dump/read';
import { type Progress, startProgress } from '../progress';
import { type CommandRun, InputError, parseCommandArgs, printJson, UsageError } from '../support';

export const runRestore: CommandRun = async (args, env) => {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '缺少备份文件 <file>');
  const file = resolve(positionals[0]);
  if (!existsSync(file)) throw new InputError(`找不到备份文件：${file}`);

  // the key is read, never created here: a fresh key would make every encrypted field unreadable
  const { config } = env;
  const hasKeyFile = existsSync(join(config.dataDir, 'secret.key'));
  const secret = config.secret ?? (hasKeyFile ? loadOrCreateSecret(undefined, config.dataDir) : undefined);
  // the audit chain is keyed: without the secret it can be neither re-keyed nor verified
  if (!secret) throw new InputError('缺少加密密钥：请设置与备份时相同的 QUNTUAN_SECRET（或把原 data/secret.key 复制到数据目录）后重试；未写入任何数据');
  const crypto = createCrypto(secret);
  const keyCheck = crypto.blindIndex(keyCheckText);

  const database = openDatabase(config.database);
  try {
    let progress: Progress | null = null;
    const { header, rows } = await restoreBackup(database, file, {
      keyCheck,
      onStart: (h) => (progress = startProgress('恢复', h.tables.reduce((s, t) => s + t.rows, 0))),
      onRows: (n) => progress?.increment(n),
    });
    (progress as Progress | null)?.stop();
    // a backup from before the keyed chain went through the keying migration just now: re-key it
    const keying = header.migrations.includes(keyingMigration) ? [] : [keyingMigration];
    await keyAuditAfterMigrations({ database, crypto, now: () => new Date() }, keying);
    // checked against the checkpoint the backup carries: a restored chain must reach it
    const audit = await verifyAudit(database.db, crypto, { checkpoints: header.auditCheckpoints });
    if (values.json) {
      printJson(env, { ok: audit.ok, file, from: header.dialect, to: database.dialect, createdAt: header.createdAt, rows, tables: header.tables, audit });
    } else {
      env.out(`已从 ${file} 恢复 ${header.tables.length} 张表、${rows} 行（${header.dialect} → ${database.dialect}，备份时间 ${header.createdAt}）`);
      env.out(audit.ok ? `审计日志完整：${audit.entries} 条` : `审计日志校验失败：第 ${audit.brokenSeq} 条 — ${audit.reason}`);
      env.out(keyNotice);
    }
    return audit.ok ? 0 : 1;
  } finally {
    await database.close();
  }
};
