import { describeMetricRef, describePeriod } from '../metrics/describe';
import { formatMetricValue } from '../metrics/format';
import type { FigureRun, OmittedSentence, ReportDocument, ReportTarget } from './render';

/**
 * One line of the appendix 数据来源: the figure as printed, the metric in words (name and filters),
 * the unit whose subtree it counts, the period and how many records it counts. The metric's code is
 * not printed: it lives only in the HTML version's links to the records (figureLink).
 */
export interface AppendixRow {
  n: number;
  text: string;
  metric: string;
  orgName: string;
  period: string;
  records: string;
}

export const appendixTitle = '附：数据来源';
export const appendixHeader = ['序号', '文中数字', '指标', '统计单位', '期间', '记录数'] as const;

export function appendixRows(doc: ReportDocument): AppendixRow[] {
  return doc.figures.map((f) => ({
    n: f.n,
    text: f.text,
    metric: describeMetricRef(f.ref),
    orgName: f.orgName,
    period: describePeriod(f.from, f.to),
    records: f.records === undefined ? '—' : String(f.records),
  }));
}

export function appendixCells(r: AppendixRow): string[] {
  return [String(r.n), r.text, r.metric, r.orgName, r.period, r.records];
}

/** The web's metrics page for a figure: the records that make it up. */
export function figureLink(f: Pick<FigureRun, 'ref' | 'org' | 'from' | 'to'>): string {
  const q = new URLSearchParams({ code: f.ref, org: f.org, from: f.from, to: f.to });
  return `/metrics?${q.toString()}`;
}

export const targetsTitle = '附：年度目标';
export const targetsHeader = ['组织', '目标', '指标', '比较', '目标值', '单位', '年度'] as const;

export function targetCells(t: ReportTarget): string[] {
  return [t.orgName, t.title, describeMetricRef(t.metric), t.comparison === 'at_most' ? '不超过' : '不少于', formatMetricValue(t.value, t.unit).replace(/%$/, ''), t.unit, String(t.year)];
}

/** Sentences of the template left out because the unit's tree has no unit for a role they name. */
export const omittedTitle = '附：未写入的语句';
export const omittedHeader = ['序号', '模板行', '未写入的语句', '原因'] as const;

export function omittedCells(o: OmittedSentence): string[] {
  return [String(o.n), `第 ${o.line} 行`, o.sentence, o.reason];
}
