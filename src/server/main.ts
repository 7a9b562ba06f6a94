import { buildApp } from './app';
import type { Config } from './config';
import { ensureAdmin } from './modules/users/bootstrap';
import { openRuntime, systemCtx } from './runtime';

/** `npm start` and `quntuan serve`: migrate, make sure admin exists, seed the demo once, listen. */
export async function startServer(config: Config, opts: { port?: number; host?: string; beforeListen?: (ctx: ReturnType<typeof systemCtx>) => Promise<void> } = {}) {
  const rt = await openRuntime(config);
  const ctx = systemCtx(rt, 'start');
  await ensureAdmin(ctx, { password: config.adminPassword, dataDir: config.dataDir, print: (l) => process.stdout.write(`${l}\n`) });
  if (opts.beforeListen) await opts.beforeListen(ctx);
  const app = await buildApp(rt);
  const port = opts.port ?? config.port;
  const host = opts.host ?? config.host;
  await app.listen({ port, host });
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
