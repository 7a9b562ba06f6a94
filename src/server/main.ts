import { buildApp } from './app';
import type { Config } from './config';
import { shanghaiDate } from '../domain/dates';
import type { Ctx } from './context';
import { startCheckpointTimer } from './modules/audit/audit.checkpoints';
import { seedDemo } from './modules/demo/demo.seed';
import { createSmsSender } from './modules/otp/sms';
import { startDigestScheduler } from './modules/todo/digest';
import { ensureAdmin } from './modules/users/bootstrap';
import { openRuntime, systemCtx } from './runtime';

/** `npm start` and `quntuan serve`: migrate, make sure admin exists, seed the demo once, listen. */
export async function startServer(config: Config, opts: { port?: number; host?: string; beforeListen?: (ctx: ReturnType<typeof systemCtx>) => Promise<void> } = {}) {
  const rt = await openRuntime(config);
  const ctx = systemCtx(rt, 'start');
  await ensureAdmin(ctx, { password: config.adminPassword, dataDir: config.dataDir, print: (l) => process.stdout.write(`${l}\n`) });
  if (config.seedDemo === 'auto') await seedOnFirstRun(ctx, config.dataDir);
  else await announceSetup(ctx);
  if (opts.beforeListen) await opts.beforeListen(ctx);
  const app = await buildApp(rt);
  // audit checkpoints (seq, keyed hash, time) to data/audit-checkpoints.jsonl and the log: at start
  // and hourly, one timer per process, stopped when the app closes
  let checkpoints: { stop: () => void } | null = null;
  let digest: { stop: () => void } | null = null;
  app.addHook('onClose', async () => {
    checkpoints?.stop();
    digest?.stop();
  });
  const port = opts.port ?? config.port;
  const host = opts.host ?? config.host;
  await app.listen({ port, host });
  checkpoints = startCheckpointTimer({ db: rt.database.db, dataDir: config.dataDir, now: rt.now }, app.log);
  // the daily 待办 digest: every instance ticks, the one that takes the day's lease sends (modules/todo/digest.ts)
  if (config.digest.enabled) {
    digest = startDigestScheduler({ db: rt.database.db, dialect: rt.database.dialect, crypto: rt.crypto, now: rt.now, log: app.log, sms: createSmsSender(config, app.log), config });
  }
  process.stdout.write(`群团工作平台已启动：http://${host}:${port}/ （数据库：${rt.database.dialect}）\n`);
  const stop = async () => {
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { app, rt };
}

/** The demo county is loaded only into a database without any unit (a first run), never over real data. */
async function seedOnFirstRun(ctx: Ctx, dataDir: string): Promise<void> {
  const any = await ctx.db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print('首次启动：正在载入演示县数据（约 10–20 秒）… (loading the demo county)');
  const r = await seedDemo(ctx, { dataDir, year: Number(shanghaiDate(ctx.now()).slice(0, 4)), print });
  print(`演示县已载入：${r.units} 个组织，${r.people} 名人员，${r.users} 个演示账号（密码见 ${dataDir}/demo-users.txt）`);
}

/** Without the demo an empty tree waits for the first admin's 首次设置 (web) or the CLI. */
async function announceSetup(ctx: Ctx): Promise<void> {
  const any = await ctx.db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  if (any) return;
  process.stdout.write('尚无组织架构：请以 admin 登录网页完成“首次设置”（县委及群团组织），再导入组织架构和用户；也可用 quntuan org add 与 quntuan import orgs|users。\n');
}
