import type { ReportKind } from '../../../domain/report/figures';
import { type FigureValue, type ReportDocument, type ReportTarget, figureKey, figureRequest, renderReport } from '../../../domain/report/render';
import { type ParsedTemplate, TemplateError, parseTemplate } from '../../../domain/report/template';
import { findDefaultTemplate } from '../../../domain/report/templates/index';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';
import { resolveOrgInScope } from '../../http/scope';
import { computeMetric } from '../metrics/metrics.service';
import { listTargets } from '../targets/targets.service';

export const reportKinds = ['annual', 'half-year'] as const satisfies readonly ReportKind[];

export interface GenerateReportInput {
  kind: ReportKind;
  /** unit code or id */
  org: string;
  year: number;
  /** template source; default: the default template for the report kind and the unit's kind */
  template?: string;
}

/** A template that cannot be generated is a 400 whose details name each placeholder and line. */
function validateTemplate(source: string): ParsedTemplate {
  try {
    return parseTemplate(source);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new AppError(
      'VALIDATION',
      `报告模板有误：\n${e.message}`,
      e.issues.map((i) => ({ path: `line ${i.line}${i.placeholder ? ` {{${i.placeholder}}}` : ''}`, message: i.message })),
    );
  }
}

/**
 * The report as a document model, every figure computed from the records by computeMetric over the
 * unit's subtree and the placeholder's period. The whole template — syntax, metrics, filters, and the
 * units it names (which must lie in the reporting unit's subtree) — is checked before any figure is
 * computed.
 */
export async function generateReport(ctx: Ctx, input: GenerateReportInput): Promise<ReportDocument> {
  if (!Number.isInteger(input.year) || input.year < 1949 || input.year > 2100) {
    throw new AppError('VALIDATION', `年度“${input.year}”无效`, [{ path: 'year', message: '年度应为 4 位数字' }]);
  }
  const orgId = await resolveOrgInScope(ctx, 'ledger.read', input.org, 'org');
  const org = await ctx.db.selectFrom('org_units').select(['code', 'name', 'kind']).where('id', '=', orgId).executeTakeFirstOrThrow();
  let source = input.template;
  if (source === undefined) {
    const found = findDefaultTemplate(input.kind, org.kind);
    if (!found) throw new AppError('NOT_FOUND', `暂无适用于“${org.name}”的${input.kind === 'annual' ? '年度' : '半年'}报告模板`);
    source = found.source;
  }
  const template = validateTemplate(source);
  const at = { kind: input.kind, year: input.year, org: org.code };
  const requests = template.figures.map((spec) => figureRequest(spec, at));
  await checkTemplateOrgs(ctx, orgId, requests.map((r) => ({ org: r.org, line: r.spec.line, placeholder: r.spec.placeholder })));

  const values = new Map<string, FigureValue>();
  for (const r of requests) {
    const key = figureKey(r);
    if (values.has(key)) continue;
    const m = await computeMetric(ctx, { code: r.spec.ref, org: r.org, from: r.from, to: r.to });
    values.set(key, { value: m.value, unit: m.unit, org: m.org, orgName: m.orgName, from: m.from, to: m.to });
  }
  const targets = template.blocks.some((b) => b.kind === 'targets') ? await nextYearTargets(ctx, orgId, input.year + 1) : [];
  return renderReport(template, { ...at, orgName: org.name, values, targets });
}

/** The work plan's targets: the next year's targets of the unit's subtree (parts stay under their parent). */
async function nextYearTargets(ctx: Ctx, orgId: string, year: number): Promise<ReportTarget[]> {
  const { items } = await listTargets(ctx, { year, orgId });
  return items.map((t) => ({ orgName: t.orgName, title: t.title, metric: t.metric, comparison: t.comparison, value: t.value, unit: t.unit, year: t.year }));
}

/** Each unit a placeholder names exists and lies in the reporting unit's subtree. */
async function checkTemplateOrgs(ctx: Ctx, rootId: string, refs: { org: string; line: number; placeholder: string }[]): Promise<void> {
  const codes = Array.from(new Set(refs.map((r) => r.org)));
  if (codes.length === 0) return;
  const rows = await ctx.db
    .selectFrom('org_units as u')
    .innerJoin('org_closure as c', 'c.descendant_id', 'u.id')
    .select(['u.code', 'u.id'])
    .where('c.ancestor_id', '=', rootId)
    .where((eb) => eb.or([eb('u.code', 'in', codes), eb('u.id', 'in', codes)]))
    .execute();
  const known = new Set(rows.flatMap((r) => [r.code, r.id]));
  const bad = refs.filter((r) => !known.has(r.org));
  if (bad.length) {
    const details = bad.map((b) => ({ path: `line ${b.line} {{${b.placeholder}}}`, message: `组织“${b.org}”不存在或不属于本单位` }));
    throw new AppError('VALIDATION', `报告模板有误：\n${details.map((d) => `${d.path}：${d.message}`).join('\n')}`, details);
  }
}
