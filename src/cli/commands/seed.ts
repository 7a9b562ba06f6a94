import { join } from 'node:path';
import { shanghaiDate } from '../../domain/dates';
import { ConfigError, loadConfig } from '../../server/config';
import { AppError } from '../../server/http/errors';
import { demoUsersFile, seedDemo } from '../../server/modules/demo/demo.seed';
import { openRuntime, systemCtx } from '../../server/runtime';
import { type Progress, startProgress } from '../progress';

const usage = '用法：quntuan seed demo\n      生成演示县数据（组织、荣誉、人员和演示账号）；已生成过则不做任何改动';

/** `quntuan seed demo`: the demo county, idempotent. Returns the exit code. */
export async function runSeed(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] !== 'demo') {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const rt = await openRuntime(config);
  let bar: Progress | null = null;
  const stopBar = () => {
    bar?.stop();
    bar = null;
  };
  try {
    const ctx = systemCtx(rt, 'seed');
    const year = Number(shanghaiDate(rt.now()).slice(0, 4));
    const print = (line: string) => process.stdout.write(`${line}\n`);
    const result = await seedDemo(ctx, {
      dataDir: config.dataDir,
      year,
      print: (line) => {
        stopBar();
        print(line);
      },
      onProgress: (done, total) => {
        bar ??= startProgress('生成演示数据', total);
        bar.update(done);
      },
    });
    stopBar();
    if (result.created) {
      print(`完成：组织 ${result.units} 个，人员 ${result.people} 人，账号 ${result.users} 个；账号与密码见 ${join(config.dataDir, demoUsersFile)}`);
    } else {
      print(`演示数据已存在（组织 ${result.units} 个，人员 ${result.people} 人，账号 ${result.users} 个），未做改动。`);
    }
    return 0;
  } catch (err) {
    stopBar();
    if (err instanceof AppError) {
      process.stderr.write(`生成演示数据失败：${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await rt.close();
  }
}
