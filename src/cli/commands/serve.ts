import { startServer } from '../../server/main';
import { type CommandRun, parseCommandArgs, UsageError } from '../support';

export const runServe: CommandRun = async (args, { config }) => {
  const { values, positionals } = parseCommandArgs(args, { port: { type: 'string' }, host: { type: 'string' } });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError('--port 应为 0 至 65535 的整数');
  }
  if (values.host !== undefined && values.host.trim() === '') throw new UsageError('--host 不能为空');
  await startServer(config, { port, host: values.host });
  return 'running';
};
