import type { ReportKind } from '../../../domain/report/figures';
import { type LeftOut, leaveOutSentences } from '../../../domain/report/omit';
import { type FigureRequest, type RoleUnits, figureRequest } from '../../../domain/report/render';
import { type RoleCandidate, missingRoleReason, pickRoleUnit, roleLabel } from '../../../domain/report/roles';
import { type ParsedTemplate, TemplateError, type TemplateIssue, parseTemplate } from '../../../domain/report/template';
import type { OrgKind } from '../../../domain/org';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';

/**
 * A template checked for one reporting unit: parsed, every unit it names inside the unit's subtree,
 * every role resolved to a unit (or its sentences left out, `leftOut` telling why).
 */
export type TemplateCheck =
  | { ok: true; template: ParsedTemplate; requests: FigureRequest[]; roles: RoleUnits; leftOut: LeftOut[] }
  | { ok: false; issues: TemplateIssue[] };

export interface CheckAt {
  kind: ReportKind;
  year: number;
  /** the reporting unit's code and name */
  org: string;
  orgName: string;
}

/** Units of the role kinds in the subtree of `rootId`, with their depth below it; units dissolved before the year do not count. */
async function roleCandidates(ctx: Ctx, rootId: string, kinds: readonly OrgKind[], year: number): Promise<RoleCandidate[]> {
  if (kinds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('org_units as u')
    .innerJoin('org_closure as c', 'c.descendant_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'c.depth'])
    .where('c.ancestor_id', '=', rootId)
    .where('u.kind', 'in', kinds)
    .where((eb) => eb.or([eb('u.dissolved_on', 'is', null), eb('u.dissolved_on', '>=', `${year}-01-01`)]))
    .execute();
  return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

/**
 * The whole check that runs before any figure is computed: syntax, metric codes, filters, options
 * (domain/report/template.ts), then the units the placeholders name by code, which must lie inside the
 * reporting unit's subtree (`rootId`), and the settings (`@妇联 = 代码`), whose unit must be of the
 * role's kind there too. Roles resolve to the unit itself or its nearest descendant of the kind
 * (domain/report/roles.ts); a role without a unit takes its sentences out. Every problem is returned,
 * with its line and column.
 */
export async function checkTemplate(ctx: Ctx, rootId: string, source: string, at: CheckAt): Promise<TemplateCheck> {
  let parsed: ParsedTemplate;
  try {
    parsed = parseTemplate(source);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return { ok: false, issues: e.issues };
  }
  const codes = Array.from(new Set([...parsed.figures.flatMap((f) => (f.org ? [f.org] : [])), ...parsed.settings.map((s) => s.org)]));
  const known = new Map<string, { code: string; kind: string }>();
  if (codes.length) {
    const rows = await ctx.db
      .selectFrom('org_units as u')
      .innerJoin('org_closure as c', 'c.descendant_id', 'u.id')
      .select(['u.code', 'u.id', 'u.kind'])
      .where('c.ancestor_id', '=', rootId)
      .where((eb) => eb.or([eb('u.code', 'in', codes), eb('u.id', 'in', codes)]))
      .execute();
    for (const r of rows) (known.set(r.code, r), known.set(r.id, r));
  }
  const outside = (org: string) => `组织“${org}”不存在或不属于本单位`;
  const issues: TemplateIssue[] = [
    ...parsed.figures.filter((f) => f.org && !known.has(f.org)).map((f) => ({ line: f.line, column: f.column, placeholder: f.placeholder, message: outside(f.org as string) })),
    ...parsed.settings.flatMap((s) => {
      const unit = known.get(s.org);
      if (!unit) return [{ line: s.line, column: s.column, placeholder: '', message: outside(s.org) }];
      if (unit.kind !== s.role) return [{ line: s.line, column: s.column, placeholder: '', message: `组织“${s.org}”不是${roleLabel(s.role)}，不能设定为“@${roleLabel(s.role)}”` }];
      return [];
    }),
  ];
  if (issues.length) return { ok: false, issues: issues.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)) };

  const kinds = Array.from(new Set(parsed.figures.flatMap((f) => (f.role ? [f.role] : []))));
  const candidates = await roleCandidates(ctx, rootId, kinds, at.year);
  const roles = new Map<OrgKind, string>();
  for (const kind of kinds) {
    const setting = parsed.settings.find((s) => s.role === kind);
    const unit = pickRoleUnit(kind, candidates, setting ? (known.get(setting.org)?.code ?? setting.org) : undefined);
    if (unit) roles.set(kind, unit.code);
  }
  const { template, leftOut } = leaveOutSentences(parsed, (f) => (f.role && !roles.has(f.role) ? missingRoleReason(at.orgName, f.role) : null));
  const requests = template.figures.map((spec) => figureRequest(spec, { ...at, roles }));
  return { ok: true, template, requests, roles, leftOut };
}

/** 400 whose details name each placeholder and its line (`line 4 {{activities.cnt}}`). */
export function templateIssuesError(issues: readonly TemplateIssue[]): AppError {
  const details = issues.map((i) => ({ path: `line ${i.line}${i.placeholder ? ` {{${i.placeholder}}}` : ''}`, message: i.message }));
  const lines = issues.map((i) => `第 ${i.line} 行${i.column ? `第 ${i.column} 列` : ''}${i.placeholder ? ` {{${i.placeholder}}}` : ''}：${i.message}`);
  return new AppError('VALIDATION', `报告模板有误：\n${lines.join('\n')}`, details);
}
