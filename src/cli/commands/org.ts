import { orgKinds } from '../../domain/org';
import { createOrgInput } from '../../server/modules/orgs/orgs.schemas';
import { createOrg } from '../../server/modules/orgs/orgs.service';
import { openRuntime, systemCtx } from '../../server/runtime';
import { appErrorToInputError, type CommandRun, issuesToInputError, parseCommandArgs, printJson, requireOption, UsageError } from '../support';

// service field → what the user typed
const fieldNames: Record<string, string> = {
  code: '<code>',
  name: '--name',
  kind: '--kind',
  parentCode: '--parent',
  parentId: '--parent',
  divisionCode: '--division',
  establishedOn: '--established',
};

export const runOrg: CommandRun = async (args, env) => {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError(sub ? `未知的 org 子命令：${sub}` : '缺少子命令 add');
  const { values, positionals } = parseCommandArgs(
    rest,
    {
      name: { type: 'string' },
      kind: { type: 'string' },
      parent: { type: 'string' },
      division: { type: 'string' },
      established: { type: 'string' },
      json: { type: 'boolean' },
    },
  );
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '缺少组织代码 <code>');
  const parsed = createOrgInput.safeParse({
    code: positionals[0],
    name: requireOption(values.name, '--name'),
    kind: requireOption(values.kind, '--kind'),
    parentCode: values.parent,
    divisionCode: values.division,
    establishedOn: values.established,
  });
  if (!parsed.success) throw issuesToInputError(parsed.error.issues, fieldNames, '组织信息有误，未写入：');

  const rt = await openRuntime(env.config);
  try {
    const org = await createOrg(systemCtx(rt, 'cli'), parsed.data).catch((e: unknown) => {
      throw appErrorToInputError(e, fieldNames);
    });
    if (values.json) printJson(env, org);
    else {
      const extra = [org.kindLabel, org.levelLabel, parsed.data.parentCode ? `上级 ${parsed.data.parentCode}` : null, org.divisionCode, org.establishedOn ? `成立于 ${org.establishedOn}` : null];
      env.out(`已新增组织 ${org.code}「${org.name}」（${extra.filter(Boolean).join('，')}） id=${org.id}`);
    }
    return 0;
  } finally {
    await rt.close();
  }
};
