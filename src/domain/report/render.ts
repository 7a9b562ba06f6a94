import type { MetricUnit } from '../metrics/catalogue';
import type { OrgKind } from '../org';
import type { LeftOut } from './omit';
import { type FigureFormat, type FigurePeriodName, type FigureUnit, type ReportKind, defaultFormat, defaultPeriod, formatFigure, periodDates } from './figures';
import type { FigureSpec, ParsedTemplate, Segment } from './template';

/** A computed figure: the metric's exact value and where it comes from. */
export interface FigureValue {
  value: number;
  unit: MetricUnit;
  org: string;
  orgName: string;
  from: string;
  to: string;
  /** how many records the figure counts (the appendix's 记录数); absent where nothing was counted (template tests) */
  records?: number;
}

export interface TextRun {
  kind: 'text';
  text: string;
}

/** A figure in the prose, with its provenance (metric ref, org, period, exact value). */
export interface FigureRun extends FigureValue {
  kind: 'figure';
  /** what the reader sees, e.g. "120余万元" */
  text: string;
  /** 1-based number in the appendix */
  n: number;
  code: string;
  ref: string;
  filters: Record<string, string[]>;
  period: FigurePeriodName;
  fmt: FigureFormat;
  line: number;
}

export type Run = TextRun | FigureRun;

export type ReportBlock = { kind: 'heading'; level: 1; runs: Run[] } | { kind: 'heading'; level: 2; runs: Run[]; body: Run[] } | { kind: 'paragraph'; runs: Run[] };

export interface ReportDocument {
  kind: ReportKind;
  year: number;
  org: string;
  orgName: string;
  title: string;
  /** the title as laid out, one entry a line */
  titleLines: string[];
  blocks: ReportBlock[];
  /** every figure in order of appearance: the appendix 数据来源 */
  figures: FigureRun[];
  /** the targets the work plan lists */
  targets: ReportTarget[];
  /** sentences left out because the unit's tree has no unit for a role they name, and why */
  omitted: OmittedSentence[];
}

/** A sentence of the template the report leaves out (listed in the preview and the appendix). */
export interface OmittedSentence {
  n: number;
  line: number;
  /** the sentence as it would have read, each unfilled figure written "…" */
  sentence: string;
  placeholders: string[];
  reason: string;
}

/** Where a placeholder's figure is computed: its org (default the report's) over its period. */
export interface FigureRequest {
  spec: FigureSpec;
  org: string;
  period: FigurePeriodName;
  from: string;
  to: string;
}

/** The units the template's roles stand for in this report: role → unit code (a role without a unit is absent). */
export type RoleUnits = ReadonlyMap<OrgKind, string>;

export function figureRequest(spec: FigureSpec, ctx: { kind: ReportKind; year: number; org: string; roles?: RoleUnits }): FigureRequest {
  const period = spec.period ?? defaultPeriod(ctx.kind);
  let org = spec.org ?? ctx.org;
  if (spec.role) {
    const unit = ctx.roles?.get(spec.role);
    if (!unit) throw new Error(`role not resolved: ${spec.role} (line ${spec.line})`);
    org = unit;
  }
  return { spec, org, period, ...periodDates(period, ctx.year) };
}

/** The key under which a computed figure is looked up (one computation per distinct figure). */
export function figureKey(r: FigureRequest): string {
  return `${r.spec.ref}@${r.org}@${r.from}..${r.to}`;
}

/** A target set for the work-plan year (年度目标); a goal, not a figure from records. */
export interface ReportTarget {
  orgName: string;
  /** e.g. 力争发放贷款8000万元 */
  title: string;
  metric: string;
  comparison: string;
  value: number;
  unit: MetricUnit;
  year: number;
}

export interface RenderInput {
  kind: ReportKind;
  year: number;
  org: string;
  orgName: string;
  values: ReadonlyMap<string, FigureValue>;
  /** targets of the year after the report's; the `{{targets}}` line lists them */
  targets?: readonly ReportTarget[];
  /** the units the template's roles stand for */
  roles?: RoleUnits;
  /** sentences taken out of the template for this unit (omit.ts) */
  leftOut?: readonly LeftOut[];
}

/** Template + computed figures → the document model. Narrative text is kept exactly as written. */
export function renderReport(template: ParsedTemplate, input: RenderInput): ReportDocument {
  const figures: FigureRun[] = [];
  const runsOf = (segments: Segment[]): Run[] => {
    const runs: Run[] = [];
    const text = (t: string) => {
      const last = runs[runs.length - 1];
      if (last?.kind === 'text') last.text += t;
      else if (t) runs.push({ kind: 'text', text: t });
    };
    for (const s of segments) {
      if (s.kind === 'text') text(s.text);
      else if (s.kind === 'year') text(String(input.year + s.offset));
      else if (s.kind === 'org-name') text(input.orgName);
      else if (s.kind === 'figure') runs.push(figureRun(s.spec));
    }
    return runs;
  };
  const figureRun = (spec: FigureSpec): FigureRun => {
    const req = figureRequest(spec, input);
    const v = input.values.get(figureKey(req));
    if (!v) throw new Error(`figure not computed: ${figureKey(req)}`);
    const fmt = spec.fmt ?? defaultFormat(v.unit);
    const run: FigureRun = {
      kind: 'figure',
      ...v,
      text: formatFigure(v.value, v.unit, { fmt, unit: spec.unit as FigureUnit | undefined }),
      n: figures.length + 1,
      code: spec.code,
      ref: spec.ref,
      filters: spec.filters,
      period: req.period,
      fmt,
      line: spec.line,
    };
    figures.push(run);
    return run;
  };
  let titleLines: string[] = [];
  const blocks: ReportBlock[] = [];
  for (const b of template.blocks) {
    if (b.kind === 'title') titleLines = b.lines.map((l) => plain(runsOf(l)));
    else if (b.kind === 'paragraph') blocks.push({ kind: 'paragraph', runs: runsOf(b.segments) });
    else if (b.kind === 'targets') {
      if (input.targets?.length) blocks.push({ kind: 'paragraph', runs: [{ kind: 'text', text: targetsSentence(input.year + 1, input.targets) }] });
    }
    else if (b.level === 1) blocks.push({ kind: 'heading', level: 1, runs: runsOf(b.segments) });
    else blocks.push({ kind: 'heading', level: 2, runs: runsOf(b.segments), body: runsOf(b.body) });
  }
  const omitted = (input.leftOut ?? []).map((o, i) => ({
    n: i + 1,
    line: o.line,
    sentence: o.segments.map((s) => (s.kind === 'text' ? s.text : s.kind === 'year' ? String(input.year + s.offset) : s.kind === 'org-name' ? input.orgName : '…')).join('').trim(),
    placeholders: o.placeholders,
    reason: o.reason,
  }));
  return { kind: input.kind, year: input.year, org: input.org, orgName: input.orgName, title: titleLines.join(''), titleLines, blocks, figures, targets: listedTargets(template, input), omitted };
}

function listedTargets(template: ParsedTemplate, input: RenderInput): ReportTarget[] {
  return template.blocks.some((b) => b.kind === 'targets') ? [...(input.targets ?? [])] : [];
}

/** 2026年主要目标：林甸县委党校全年举办各类培训、宣讲52场次，教育干部群众4000人次；林甸县妇联力争发放贷款8000万元。 */
export function targetsSentence(year: number, targets: readonly ReportTarget[]): string {
  const byOrg = new Map<string, string[]>();
  for (const t of targets) byOrg.set(t.orgName, [...(byOrg.get(t.orgName) ?? []), t.title.replace(/[。；;，,]+$/, '')]);
  return `${year}年主要目标：${Array.from(byOrg, ([org, titles]) => `${org}${titles.join('，')}`).join('；')}。`;
}

export function plain(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** The appendix's period column: ISO dates, as the metrics page takes them. */
export function periodLabel(from: string, to: string): string {
  return `${from} 至 ${to}`;
}
