import { formatMetricWithUnit } from '../../domain/metrics/format';
import { computeMetric } from '../../server/modules/metrics/metrics.service';
import { openRuntime, systemCtx } from '../../server/runtime';
import { appErrorToInputError, type CommandRun, parseCommandArgs, printJson, requireOption, UsageError } from '../support';

const fieldNames: Record<string, string> = { code: '<metricCode>', org: '--org', from: '--from', to: '--to' };

/**
 * `quntuan metric <metricCode> --org <orgCode> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]`:
 * one figure over the unit's subtree (contract "Metric codes"). Unknown metric, filter or unit and
 * bad dates are input errors (exit 1); a missing code or --org is a usage error (exit 2).
 */
export const runMetric: CommandRun = async (args, env) => {
  const { values, positionals } = parseCommandArgs(args, {
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '缺少指标代码 <metricCode>');
  const org = requireOption(values.org, '--org');
  const rt = await openRuntime(env.config);
  try {
    const r = await computeMetric(systemCtx(rt, 'cli'), { code: positionals[0], org, from: values.from, to: values.to }).catch((e: unknown) => {
      throw appErrorToInputError(e, fieldNames);
    });
    if (values.json) printJson(env, { code: r.ref, value: r.value, unit: r.unit, org: r.org, from: r.from, to: r.to });
    else env.out(`${r.ref} = ${formatMetricWithUnit(r.value, r.unit)}（${r.orgName}，${r.from} 至 ${r.to}）`);
    return 0;
  } finally {
    await rt.close();
  }
};
