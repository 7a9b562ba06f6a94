import type { ReportKind } from '../../../domain/report/figures';
import type { LeftOut } from '../../../domain/report/omit';
import { type FigureRequest, type FigureValue, type ReportDocument, type ReportTarget, type RoleUnits, figureKey, renderReport } from '../../../domain/report/render';
import type { ParsedTemplate, TemplateIssue } from '../../../domain/report/template';
import { findDefaultTemplate } from '../../../domain/report/templates/index';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';
import { resolveOrgInScope } from '../../http/scope';
import { shanghaiDate } from '../../../domain/dates';
import { computeMetric, countMetricRecords } from '../metrics/metrics.service';
import { listTargets } from '../targets/targets.service';
import { checkTemplate, templateIssuesError } from './reports.check';
import { findStoredTemplate } from './reports.templates.service';

export { reportKinds } from './reports.kinds';

export interface GenerateReportInput {
  kind: ReportKind;
  /** unit code or id */
  org: string;
  year: number;
  /** template source; default: the stored template (see templateId), else the default for the report kind and the unit's kind */
  template?: string;
  /**
   * a stored template's id; without it the unit's own stored template of the kind is used, else its
   * nearest ancestor's, else the default template
   */
  templateId?: string;
}

/**
 * Where the figures come from. The benchmark wraps computeMetric to time the metric queries; the
 * app always uses the metrics service as it is.
 */
export interface ReportHooks {
  computeMetric?: typeof computeMetric;
  /** called with the milliseconds spent listing next year's targets (their actuals are metric queries too) */
  onTargets?: (ms: number) => void;
}

/** Which template a report used: a stored one (own or inherited) or the default of the unit's kind. */
export interface TemplateSource {
  source: 'stored' | 'default';
  id: string;
  name: string;
  version: number | null;
  orgName: string | null;
  inherited: boolean;
  /**
   * An ancestor's template that could not serve this unit (it names units outside this unit's subtree,
   * or no longer checks), and why: the report then uses the default template of the unit's kind.
   */
  skipped?: { id: string; name: string; orgName: string; reason: string };
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1949 || year > 2100) {
    throw new AppError('VALIDATION', `年度“${year}”无效`, [{ path: 'year', message: '年度应为 4 位数字' }]);
  }
}

async function reportingOrg(ctx: Ctx, ref: string) {
  const orgId = await resolveOrgInScope(ctx, 'ledger.read', ref, 'org');
  const org = await ctx.db.selectFrom('org_units').select(['code', 'name', 'kind', 'level']).where('id', '=', orgId).executeTakeFirstOrThrow();
  return { id: orgId, ...org };
}

/**
 * The template source a report of the unit uses (stored own → stored inherited → default). An
 * inherited template is checked for this unit first: a county template that names 县妇联 by its code
 * cannot report a township, so the township gets its kind's default template, told why — rather than
 * a 400 about a template it did not write. A unit's own template, or one chosen by id, is used as it
 * is (its errors are the author's to see).
 */
async function templateFor(ctx: Ctx, org: { id: string; code: string; name: string; kind: string; level: string }, kind: ReportKind, year: number, templateId?: string): Promise<{ source: string; used: TemplateSource }> {
  const stored = await findStoredTemplate(ctx, org.id, kind, templateId);
  let skipped: TemplateSource['skipped'];
  if (stored) {
    const used: TemplateSource = { source: 'stored', id: stored.id, name: stored.name, version: stored.version, orgName: stored.orgName, inherited: stored.inherited };
    if (!stored.inherited || templateId) return { source: stored.body, used };
    const check = await checkTemplate(ctx, org.id, stored.body, { kind, year, org: org.code, orgName: org.name });
    if (check.ok) return { source: stored.body, used };
    const first = check.issues[0];
    skipped = { id: stored.id, name: stored.name, orgName: stored.orgName, reason: `${first.placeholder ? `{{${first.placeholder}}}：` : ''}${first.message}${check.issues.length > 1 ? `（共 ${check.issues.length} 处）` : ''}` };
  }
  const found = findDefaultTemplate(kind, org.kind, org.level);
  if (!found) throw new AppError('NOT_FOUND', `暂无适用于“${org.name}”的${kind === 'annual' ? '年度' : '半年'}报告模板`);
  return { source: found.source, used: { source: 'default', id: found.id, name: found.label, version: null, orgName: null, inherited: false, ...(skipped ? { skipped } : {}) } };
}

/**
 * Computes each distinct figure once, by the metrics service over the unit's subtree and the
 * placeholder's period, with the number of records it counts (the 数据来源 appendix's 记录数).
 */
async function computeFigures(ctx: Ctx, requests: readonly FigureRequest[], compute: typeof computeMetric): Promise<Map<string, FigureValue>> {
  const values = new Map<string, FigureValue>();
  for (const r of requests) {
    const key = figureKey(r);
    if (values.has(key)) continue;
    const m = await compute(ctx, { code: r.spec.ref, org: r.org, from: r.from, to: r.to });
    values.set(key, { value: m.value, unit: m.unit, org: m.org, orgName: m.orgName, from: m.from, to: m.to, records: await countMetricRecords(ctx, m) });
  }
  return values;
}

async function build(
  ctx: Ctx,
  org: { id: string; code: string; name: string },
  kind: ReportKind,
  year: number,
  checked: { template: ParsedTemplate; requests: FigureRequest[]; roles: RoleUnits; leftOut: LeftOut[] },
  hooks: ReportHooks,
): Promise<ReportDocument> {
  const values = await computeFigures(ctx, checked.requests, hooks.computeMetric ?? computeMetric);
  let targets: ReportTarget[] = [];
  if (checked.template.blocks.some((b) => b.kind === 'targets')) {
    const t0 = performance.now();
    targets = await nextYearTargets(ctx, org.id, year + 1);
    hooks.onTargets?.(performance.now() - t0);
  }
  return renderReport(checked.template, { kind, year, org: org.code, orgName: org.name, values, targets, roles: checked.roles, leftOut: checked.leftOut });
}

/**
 * The report as a document model, every figure computed from the records by computeMetric over the
 * unit's subtree and the placeholder's period. The whole template — syntax, metrics, filters, and the
 * units it names (which must lie in the reporting unit's subtree) — is checked before any figure is
 * computed.
 */
export async function generateReport(ctx: Ctx, input: GenerateReportInput, hooks: ReportHooks = {}): Promise<ReportDocument> {
  return (await generateReportWithSource(ctx, input, hooks)).doc;
}

/** generateReport, also telling which template was used. */
export async function generateReportWithSource(ctx: Ctx, input: GenerateReportInput, hooks: ReportHooks = {}): Promise<{ doc: ReportDocument; used: TemplateSource | null }> {
  checkYear(input.year);
  const org = await reportingOrg(ctx, input.org);
  const chosen = input.template === undefined ? await templateFor(ctx, org, input.kind, input.year, input.templateId) : { source: input.template, used: null };
  const checked = await checkTemplate(ctx, org.id, chosen.source, { kind: input.kind, year: input.year, org: org.code, orgName: org.name });
  if (!checked.ok) throw templateIssuesError(checked.issues);
  return { doc: await build(ctx, org, input.kind, input.year, checked, hooks), used: chosen.used };
}

/** The template a report of the unit would use now (its own, its nearest ancestor's, or the default). */
export async function effectiveTemplate(ctx: Ctx, input: { org: string; kind: ReportKind }): Promise<TemplateSource> {
  const year = Number(shanghaiDate(ctx.now()).slice(0, 4));
  return (await templateFor(ctx, await reportingOrg(ctx, input.org), input.kind, year)).used;
}

export type PreviewResult = { valid: true; doc: ReportDocument } | { valid: false; issues: TemplateIssue[] };

/** The editor's live preview: the checked template's report, or every problem in it (nothing computed then). */
export async function previewReport(ctx: Ctx, input: { template: string; org: string; kind: ReportKind; year: number }, hooks: ReportHooks = {}): Promise<PreviewResult> {
  checkYear(input.year);
  const org = await reportingOrg(ctx, input.org);
  const checked = await checkTemplate(ctx, org.id, input.template, { kind: input.kind, year: input.year, org: org.code, orgName: org.name });
  if (!checked.ok) return { valid: false, issues: checked.issues };
  return { valid: true, doc: await build(ctx, org, input.kind, input.year, checked, hooks) };
}

/** The work plan's targets: the next year's targets of the unit's subtree (parts stay under their parent). */
async function nextYearTargets(ctx: Ctx, orgId: string, year: number): Promise<ReportTarget[]> {
  const { items } = await listTargets(ctx, { year, orgId });
  return items.map((t) => ({ orgName: t.orgName, title: t.title, metric: t.metric, comparison: t.comparison, value: t.value, unit: t.unit, year: t.year }));
}
