import { migrateToLatest } from '../../server/db/database';
import { keyAuditAfterMigrations, openRuntime } from '../../server/runtime';
import { type CommandRun, parseCommandArgs, printJson, UsageError } from '../support';

export const runMigrate: CommandRun = async (args, env) => {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  const rt = await openRuntime(env.config, { migrate: false });
  try {
    const applied = await migrateToLatest(rt.database.db);
    await keyAuditAfterMigrations(rt, applied);
    if (values.json) printJson(env, { dialect: rt.database.dialect, applied });
    else if (applied.length === 0) env.out(`数据库结构已是最新（${rt.database.dialect}），无需迁移`);
    else {
      env.out(`已应用 ${applied.length} 个迁移（${rt.database.dialect}）：`);
      for (const name of applied) env.out(`  ${name}`);
    }
    return 0;
  } finally {
    await rt.close();
  }
};
