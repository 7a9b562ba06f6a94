import { orgKinds } from '../domain/org';
import { roles } from '../domain/roles';
import { type Config, ConfigError, loadConfig } from '../server/config';
import { type CommandEnv, type CommandRun, exitCode, InputError, UsageError } from './support';

/**
 * `quntuan <command>` (package.json bin → bin/quntuan.js → here). Exit codes: 0 done, 1 the
 * input had errors, 2 usage error. Results on stdout (`--json`: one JSON object), messages and
 * progress on stderr. Each command's module is loaded only when it runs, so `help` and light
 * commands do not pay for loading the web server.
 */
interface Entry {
  usage: string;
  summary: string;
  load(): Promise<CommandRun>;
}

const commands: Record<string, Entry> = {
  serve: {
    usage: 'quntuan serve [--port N] [--host H]',
    summary: '启动网页与接口服务（迁移数据库；首次启动时创建管理员 admin）',
    load: async () => (await import('./commands/serve')).runServe,
  },
  migrate: {
    usage: 'quntuan migrate [--json]',
    summary: '把数据库结构升级到最新版本',
    load: async () => (await import('./commands/migrate')).runMigrate,
  },
  seed: {
    usage: 'quntuan seed demo',
    summary: '写入演示县数据（可重复执行）',
    load: async () => {
      const { runSeed } = await import('./commands/seed');
      return async (args) => runSeed(args);
    },
  },
  org: {
    usage: `quntuan org add <code> --name <名称> --kind <kind> [--parent <code>] [--division <GB/T 2260 代码>] [--established YYYY-MM-DD] [--json]
      kind：${orgKinds.join(' ')}`,
    summary: '新增组织',
    load: async () => (await import('./commands/org')).runOrg,
  },
  user: {
    usage: `quntuan user add <username> --role <role> --org <orgCode> [--name <姓名>] [--json]
      role：${roles.join(' ')}（sysadmin 可省略 --org，表示全局系统管理员）`,
    summary: '新增用户；密码从标准输入的第一行读取',
    load: async () => (await import('./commands/user')).runUser,
  },
  backup: {
    usage: 'quntuan backup -o <file> [--json]',
    summary: '把整个数据库备份为一个可移植的文件（gzip 压缩的 JSON Lines）',
    load: async () => (await import('./commands/backup')).runBackup,
  },
  restore: {
    usage: 'quntuan restore <file> [--json]',
    summary: '把备份恢复到一个空数据库（SQLite 与 PostgreSQL 之间可互相恢复）',
    load: async () => (await import('./commands/restore')).runRestore,
  },
  import: {
    usage: `quntuan import <kind> <file.xlsx> --org <orgCode> [--dry-run] [--accept-valid] [--errors <out.xlsx>] [--json]
      kind：people activities assistance loans contracts households
    quntuan import orgs <file.xlsx> --org <rootCode> [--dry-run] [--errors <out.xlsx>] [--json]
    quntuan import users <file.xlsx> --org <rootCode> [--dry-run] [--errors <out.xlsx>] [--json] [-o <passwords.xlsx>]
      orgs：组织架构（上级单位编码/名称、单位编码、单位名称、单位类型…）；users：用户（生成初始密码，-o 写入密码表）`,
    summary: '从 Excel 台账导入（默认全部正确才写入；--accept-valid 写入正确的行；重复行不再写入）；orgs/users 全部正确才写入',
    load: async () => (await import('./commands/import')).runImportCommand,
  },
  export: {
    usage: 'quntuan export <kind> --org <orgCode> [--from YYYY-MM-DD] [--to YYYY-MM-DD] -o <file.xlsx>',
    summary: '导出台账为 Excel（模板列，可再导入；日期缺省为本年度）',
    load: async () => (await import('./commands/export')).runExportCommand,
  },
  audit: {
    usage: 'quntuan audit verify [--checkpoints <file>] [--json]   ·   quntuan audit rekey [--json]\n      <file>：数据目录的 audit-checkpoints.jsonl、服务器日志或备份文件；rekey 把未加密钥的旧链转换为密钥链',
    summary: '校验审计日志的密钥哈希链是否完整、未被篡改（对照检查点可发现末尾被删除）',
    load: async () => (await import('./commands/audit')).runAudit,
  },
  metric: {
    usage: 'quntuan metric <metricCode> --org <orgCode> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n      例：quntuan metric "activities.count{type=培训|宣讲}" --org LD-FL',
    summary: '计算一个指标（本组织及全部下级；日期含当日，缺省为本年度）',
    load: async () => (await import('./commands/metric')).runMetric,
  },
  report: {
    usage: 'quntuan report <annual|half-year> --org <orgCode> --year YYYY -o <file.docx|.md|.html> [--json]',
    summary: '生成工作报告（格式由文件扩展名决定；docx 按 GB/T 9704 排版；每个数字均由台账记录计算，附数据来源）',
    load: async () => (await import('./commands/report')).runReport,
  },
};

function usageText(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    '群团工作平台命令行工具',
    '',
    '用法：npx quntuan <命令> [选项]',
    '',
    '命令：',
    ...lines,
    '  quntuan help',
    '      显示本说明（任一命令加 --help 显示该命令的用法）',
    '',
    '加 --json 的命令在标准输出打印一个 JSON 对象；进度与提示信息写到标准错误。',
    '退出码：0 完成；1 输入有误（未写入任何数据）；2 用法错误。',
    '数据库由 DATABASE_URL 指定（默认 ./data/quntuan.db；postgres://… 使用 PostgreSQL）。',
  ].join('\n');
}

const io = {
  out: (line: string) => void process.stdout.write(`${line}\n`),
  err: (line: string) => void process.stderr.write(`${line}\n`),
};

export async function main(argv: string[]): Promise<number | 'running'> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usageText());
    return exitCode.ok;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.err(`未知命令：${name}\n`);
    io.err(usageText());
    return exitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`用法：${entry.usage}\n${entry.summary}`);
    return exitCode.ok;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return exitCode.usage;
    }
    throw e;
  }
  const env: CommandEnv = { config, ...io };
  // with --json a failure is also one JSON object on stdout, so scripts always get something to parse
  const failed = (code: 'USAGE' | 'INPUT' | 'FAILED', message: string) => {
    if (rest.includes('--json')) io.out(JSON.stringify({ ok: false, error: { code, message } }));
  };
  try {
    const run = await entry.load();
    return await run(rest, env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(`用法：${entry.usage}`);
      failed('USAGE', e.message);
      return exitCode.usage;
    }
    if (e instanceof InputError) {
      io.err(e.message);
      failed('INPUT', e.message);
      return exitCode.input;
    }
    const err = e as Error;
    io.err(`操作失败：${err.message}`);
    if (config.logLevel === 'debug' || config.logLevel === 'trace') io.err(err.stack ?? '');
    failed('FAILED', err.message);
    return exitCode.input;
  }
}

const result = await main(process.argv.slice(2));
if (result !== 'running') process.exitCode = result;
