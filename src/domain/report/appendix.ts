import { formatMetricValue } from '../metrics/format';
import type { FigureRun, OmittedSentence, ReportDocument, ReportTarget } from './render';

/** One line of the appendix 数据来源: a figure as printed, and the metric it was computed from. */
export interface AppendixRow {
  n: number;
  text: string;
  ref: string;
  org: string;
  orgName: string;
  unit: string;
  period: string;
  value: string;
}

export const appendixTitle = '附：数据来源';
export const appendixHeader = ['序号', '文中数字', '指标', '组织', '单位', '期间', '数值'] as const;

export function appendixRows(doc: ReportDocument): AppendixRow[] {
  return doc.figures.map((f) => ({
    n: f.n,
    text: f.text,
    ref: f.ref,
    org: f.org,
    orgName: f.orgName,
    unit: f.unit,
    period: `${f.from} 至 ${f.to}`,
    value: formatMetricValue(f.value, f.unit),
  }));
}

export function appendixCells(r: AppendixRow): string[] {
  return [String(r.n), r.text, r.ref, `${r.orgName}（${r.org}）`, r.unit, r.period, r.value];
}

/** The web's metrics page for a figure: the records that make it up. */
export function figureLink(f: Pick<FigureRun, 'ref' | 'org' | 'from' | 'to'>): string {
  const q = new URLSearchParams({ code: f.ref, org: f.org, from: f.from, to: f.to });
  return `/metrics?${q.toString()}`;
}

export const targetsTitle = '附：年度目标';
export const targetsHeader = ['组织', '目标', '指标', '比较', '目标值', '单位', '年度'] as const;

export function targetCells(t: ReportTarget): string[] {
  return [t.orgName, t.title, t.metric, t.comparison === 'at_most' ? '不超过' : '不少于', formatMetricValue(t.value, t.unit).replace(/%$/, ''), t.unit, String(t.year)];
}

/** Sentences of the template left out because the unit's tree has no unit for a role they name. */
export const omittedTitle = '附：未写入的语句';
export const omittedHeader = ['序号', '模板行', '未写入的语句', '原因'] as const;

export function omittedCells(o: OmittedSentence): string[] {
  return [String(o.n), `第 ${o.line} 行`, o.sentence, o.reason];
}
