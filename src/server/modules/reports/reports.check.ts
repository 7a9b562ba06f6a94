import type { ReportKind } from '../../../domain/report/figures';
import { type FigureRequest, figureRequest } from '../../../domain/report/render';
import { type ParsedTemplate, TemplateError, type TemplateIssue, parseTemplate } from '../../../domain/report/template';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';

/** A template checked for one reporting unit: parsed, every placeholder's unit inside its subtree. */
export type TemplateCheck = { ok: true; template: ParsedTemplate; requests: FigureRequest[] } | { ok: false; issues: TemplateIssue[] };

/**
 * The whole check that runs before any figure is computed: syntax, metric codes, filters, options
 * (domain/report/template.ts) and then the units the placeholders name, which must exist inside the
 * reporting unit's subtree (`rootId`). Every problem is returned, with its line and column.
 */
export async function checkTemplate(ctx: Ctx, rootId: string, source: string, at: { kind: ReportKind; year: number; org: string }): Promise<TemplateCheck> {
  let template: ParsedTemplate;
  try {
    template = parseTemplate(source);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return { ok: false, issues: e.issues };
  }
  const requests = template.figures.map((spec) => figureRequest(spec, at));
  const codes = Array.from(new Set(requests.map((r) => r.org)));
  if (codes.length === 0) return { ok: true, template, requests };
  const rows = await ctx.db
    .selectFrom('org_units as u')
    .innerJoin('org_closure as c', 'c.descendant_id', 'u.id')
    .select(['u.code', 'u.id'])
    .where('c.ancestor_id', '=', rootId)
    .where((eb) => eb.or([eb('u.code', 'in', codes), eb('u.id', 'in', codes)]))
    .execute();
  const known = new Set(rows.flatMap((r) => [r.code, r.id]));
  const issues = requests
    .filter((r) => !known.has(r.org))
    .map((r) => ({ line: r.spec.line, column: r.spec.column, placeholder: r.spec.placeholder, message: `组织“${r.org}”不存在或不属于本单位` }));
  return issues.length ? { ok: false, issues } : { ok: true, template, requests };
}

/** 400 whose details name each placeholder and its line (`line 4 {{activities.cnt}}`). */
export function templateIssuesError(issues: readonly TemplateIssue[]): AppError {
  const details = issues.map((i) => ({ path: `line ${i.line}${i.placeholder ? ` {{${i.placeholder}}}` : ''}`, message: i.message }));
  const lines = issues.map((i) => `第 ${i.line} 行${i.column ? `第 ${i.column} 列` : ''}${i.placeholder ? ` {{${i.placeholder}}}` : ''}：${i.message}`);
  return new AppError('VALIDATION', `报告模板有误：\n${lines.join('\n')}`, details);
}
