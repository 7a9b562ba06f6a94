import { describe, expect, it } from 'vitest';
import { findMetric, metricCatalogue, metricUnits } from './catalogue';
import { formatMetricRef, MetricRefError, parseMetricRef } from './parse';

function refError(fn: () => unknown): MetricRefError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MetricRefError) return e;
    throw e;
  }
  throw new Error('expected a MetricRefError');
}

describe('metric catalogue', () => {
  it('holds the contract codes with their units, each once', () => {
    const units = Object.fromEntries(metricCatalogue.map((m) => [m.code, m.unit]));
    expect(units).toMatchObject({
      'activities.count': '项',
      'activities.sessions': '场次',
      'activities.participants': '人次',
      'assistance.count': '件',
      'assistance.beneficiaries': '名',
      'assistance.amount': '元',
      'loans.count': '笔',
      'loans.borrowers': '名',
      'loans.amount': '万元',
      'loans.subsidy': '元',
      'orgs.count': '个',
      'orgs.new': '个',
      'orgs.rate': '%',
      'people.count': '人',
    });
    expect(new Set(metricCatalogue.map((m) => m.code)).size).toBe(metricCatalogue.length);
    for (const m of metricCatalogue) {
      expect(metricUnits).toContain(m.unit);
      expect(m.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(m.code.startsWith(`${m.ledger}.`)).toBe(true);
    }
    expect(findMetric('cases.count')).toMatchObject({ unit: '件', ledger: 'cases' });
    expect(findMetric('wishes.count')).toBeUndefined();
  });
});

describe('parseMetricRef', () => {
  it('parses a bare code and a code with filters, OR values and spaces', () => {
    expect(parseMetricRef('loans.amount')).toMatchObject({ code: 'loans.amount', filters: {} });
    expect(parseMetricRef(' activities.count{type=培训|宣讲, target = 妇女 }').filters).toEqual({ type: ['培训', '宣讲'], target: ['妇女'] });
    expect(parseMetricRef('assistance.amount{program=春蕾计划,form=现金}').filters).toEqual({ program: ['春蕾计划'], form: ['现金'] });
  });

  it('folds full-width braces, commas and bars', () => {
    expect(parseMetricRef('activities.sessions｛type＝培训｜宣讲，target=青年｝').filters).toEqual({ type: ['培训', '宣讲'], target: ['青年'] });
  });

  it('merges extra filters (query parameters), splitting | and arrays', () => {
    const p = parseMetricRef('assistance.count{program=助学}', { form: '现金|物资', funder: ['慈善总会', '爱心企业'], category: undefined });
    expect(p.filters).toEqual({ program: ['助学'], form: ['现金', '物资'], funder: ['慈善总会', '爱心企业'] });
  });

  it('names an unknown code', () => {
    const e = refError(() => parseMetricRef('activities.cnt'));
    expect(e.kind).toBe('UNKNOWN_METRIC');
    expect(e.message).toContain('activities.cnt');
    expect(refError(() => parseMetricRef('wishes.count{kind=信访}')).kind).toBe('UNKNOWN_METRIC');
  });

  it('names an unknown filter and lists the known ones', () => {
    const e = refError(() => parseMetricRef('loans.amount{type=培训}'));
    expect(e.kind).toBe('UNKNOWN_FILTER');
    expect(e.path).toBe('type');
    expect(e.message).toContain('“type”');
    expect(e.message).toContain('status、bank');
    expect(refError(() => parseMetricRef('orgs.count', { colour: 'red' })).message).toContain('colour');
  });

  it('refuses values outside an enumerated filter, duplicates, empty values and a missing required filter', () => {
    expect(refError(() => parseMetricRef('orgs.count{kind=club}')).message).toContain('“club”');
    expect(refError(() => parseMetricRef('loans.count{status=放款}')).kind).toBe('BAD_FILTER_VALUE');
    expect(refError(() => parseMetricRef('activities.count{type=培训}', { type: '宣讲' })).kind).toBe('DUPLICATE_FILTER');
    expect(refError(() => parseMetricRef('activities.count{type=}')).kind).toBe('BAD_FILTER_VALUE');
    const e = refError(() => parseMetricRef('orgs.rate{kind=womens_branch}'));
    expect(e.kind).toBe('MISSING_FILTER');
    expect(e.message).toContain('designation');
    expect(refError(() => parseMetricRef('activities.outcome')).kind).toBe('MISSING_FILTER');
  });

  it('refuses malformed text', () => {
    expect(refError(() => parseMetricRef('activities.count{type}')).kind).toBe('SYNTAX');
    expect(refError(() => parseMetricRef('activities.count{type=培训')).kind).toBe('SYNTAX');
    expect(refError(() => parseMetricRef('')).kind).toBe('SYNTAX');
  });

  it('formats the canonical reference in catalogue filter order', () => {
    expect(formatMetricRef('assistance.amount', { form: ['物资'], program: ['春蕾计划', '助学'] })).toBe('assistance.amount{program=春蕾计划|助学,form=物资}');
    expect(formatMetricRef('loans.amount', {})).toBe('loans.amount');
    const p = parseMetricRef('orgs.rate{designation=五好基层妇女组织,kind=womens_branch}');
    expect(formatMetricRef(p.code, p.filters)).toBe('orgs.rate{kind=womens_branch,designation=五好基层妇女组织}');
  });
});
