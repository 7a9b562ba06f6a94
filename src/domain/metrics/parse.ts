import { findMetric, type MetricDef } from './catalogue';

/** Filters by name; each holds one or more values (several values mean OR: `type=培训|宣讲`). */
export type MetricFilters = Record<string, string[]>;

export interface ParsedMetric {
  code: string;
  def: MetricDef;
  filters: MetricFilters;
}

export type MetricErrorKind = 'SYNTAX' | 'UNKNOWN_METRIC' | 'UNKNOWN_FILTER' | 'BAD_FILTER_VALUE' | 'MISSING_FILTER' | 'DUPLICATE_FILTER';

/** A metric reference that cannot be computed; `path` names what is wrong (code, or the filter). */
export class MetricRefError extends Error {
  constructor(
    readonly kind: MetricErrorKind,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'MetricRefError';
  }
}

// tolerate what people type in Chinese input methods: full-width braces, commas, equals, bars
function fold(s: string): string {
  return s.replace(/｛/g, '{').replace(/｝/g, '}').replace(/[，、]/g, ',').replace(/＝/g, '=').replace(/｜/g, '|');
}

function splitValues(raw: string): string[] {
  return Array.from(new Set(raw.split('|').map((v) => v.trim()).filter(Boolean)));
}

/**
 * Parses `activities.count{type=培训|宣讲,target=妇女}` and merges `extra` filters (e.g. from query
 * parameters). Unknown codes and filters, values outside an enumerated filter's list, a filter given
 * twice and a missing required filter are MetricRefError with a Chinese message naming them.
 */
export function parseMetricRef(ref: string, extra: Record<string, string | string[] | undefined> = {}): ParsedMetric {
  const text = fold(ref.trim());
  const m = /^([A-Za-z_][\w]*\.[A-Za-z_][\w]*)\s*(?:\{(.*)\})?$/s.exec(text);
  if (!m) {
    const code = text.split('{')[0].trim();
    if (code && !text.includes('{') && !findMetric(code)) throw unknownMetric(code);
    throw new MetricRefError('SYNTAX', `指标写法有误：“${ref}”（应为 代码{筛选=值,…}，如 activities.count{type=培训}）`, 'code');
  }
  const code = m[1];
  const def = findMetric(code);
  if (!def) throw unknownMetric(code);
  const filters: MetricFilters = {};
  const add = (name: string, values: string[]) => {
    const f = def.filters.find((x) => x.name === name);
    if (!f) {
      const known = def.filters.map((x) => x.name).join('、') || '无';
      throw new MetricRefError('UNKNOWN_FILTER', `指标 ${code} 没有筛选条件“${name}”（可用：${known}）`, name);
    }
    if (filters[name]) throw new MetricRefError('DUPLICATE_FILTER', `筛选条件“${name}”重复出现`, name);
    if (values.length === 0) throw new MetricRefError('BAD_FILTER_VALUE', `筛选条件“${name}”缺少值`, name);
    if (f.values) {
      const bad = values.find((v) => !f.values?.includes(v));
      if (bad !== undefined) throw new MetricRefError('BAD_FILTER_VALUE', `筛选条件“${name}”的值“${bad}”无效（可用：${f.values.join('、')}）`, name);
    }
    filters[name] = values;
  };
  const body = m[2]?.trim() ?? '';
  if (body) {
    for (const part of body.split(',')) {
      if (!part.trim()) continue;
      const eq = part.indexOf('=');
      if (eq <= 0) throw new MetricRefError('SYNTAX', `筛选条件写法有误：“${part.trim()}”（应为 名称=值）`, 'code');
      add(part.slice(0, eq).trim(), splitValues(part.slice(eq + 1)));
    }
  }
  for (const [name, raw] of Object.entries(extra)) {
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => splitValues(fold(v)));
    add(name, values);
  }
  const missing = def.filters.find((f) => f.required && !filters[f.name]);
  if (missing) throw new MetricRefError('MISSING_FILTER', `指标 ${code} 必须指定筛选条件“${missing.name}”（${missing.label}）`, missing.name);
  return { code, def, filters };
}

function unknownMetric(code: string): MetricRefError {
  return new MetricRefError('UNKNOWN_METRIC', `未知的指标代码“${code}”`, 'code');
}

/** The canonical form: filters in catalogue order, values joined with |. */
export function formatMetricRef(code: string, filters: MetricFilters): string {
  const def = findMetric(code);
  const names = def ? def.filters.map((f) => f.name).filter((n) => filters[n]) : Object.keys(filters).sort();
  if (names.length === 0) return code;
  return `${code}{${names.map((n) => `${n}=${filters[n].join('|')}`).join(',')}}`;
}
