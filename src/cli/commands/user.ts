import { type Role, roleLabels, roles } from '../../domain/roles';
import { createUserInput } from '../../server/modules/users/users.schemas';
import { createUser } from '../../server/modules/users/users.service';
import { openRuntime, systemCtx } from '../../server/runtime';
import { appErrorToInputError, type CommandRun, InputError, issuesToInputError, parseCommandArgs, printJson, readFirstLine, requireOption, UsageError } from '../support';

const fieldNames: Record<string, string> = {
  username: '<username>',
  displayName: '--name',
  password: '密码（标准输入）',
  grants: '--role/--org',
  'grants.0.role': '--role',
  'grants.0.orgId': '--org',
};

export const runUser: CommandRun = async (args, env) => {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError(sub ? `未知的 user 子命令：${sub}` : '缺少子命令 add');
  const { values, positionals } = parseCommandArgs(
    rest,
    { role: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
  );
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '缺少用户名 <username>');
  const role = requireOption(values.role, '--role');
  if (values.org === undefined && role !== 'sysadmin') throw new UsageError('缺少必填选项 --org（只有 sysadmin 可以省略，表示全局）');

  if (process.stdin.isTTY) env.err('请输入密码（输入内容会显示在屏幕上）：');
  const password = await readFirstLine(process.stdin);
  if (!password) throw new InputError('未从标准输入读到密码（请在第一行提供密码），未写入');
  const username = positionals[0];
  const parsed = createUserInput.safeParse({
    username,
    displayName: values.name ?? username,
    password,
    grants: [{ role, orgId: values.org ?? null }],
  });
  if (!parsed.success) throw issuesToInputError(parsed.error.issues, fieldNames, '用户信息有误，未写入：');

  const rt = await openRuntime(env.config);
  try {
    const user = await createUser(systemCtx(rt, 'cli'), parsed.data).catch((e: unknown) => {
      throw appErrorToInputError(e, fieldNames);
    });
    if (values.json) printJson(env, user);
    else {
      const g = user.grants[0];
      env.out(`已新增用户 ${user.username}（${roleLabels[g.role as Role] ?? g.role}，${g.orgName ?? g.orgCode}） id=${user.id}`);
    }
    return 0;
  } finally {
    await rt.close();
  }
};
