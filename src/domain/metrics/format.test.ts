import { describe, expect, it } from 'vitest';
import { formatMetricValue, formatMetricWithUnit, metricValueFromRaw, percentHundredths } from './format';

describe('metric values', () => {
  it('converts the raw integers once', () => {
    expect(metricValueFromRaw('count', 126)).toBe(126);
    expect(metricValueFromRaw('fen_yuan', 123456)).toBe(1234.56);
    expect(metricValueFromRaw('fen_wan', 87_360_000_00)).toBe(8736);
    expect(metricValueFromRaw('fen_wan', 1_234_567_89)).toBe(123.4568);
    expect(metricValueFromRaw('percent_hundredths', 9850)).toBe(98.5);
  });

  it('computes percentages in integers, rounding half up', () => {
    expect(percentHundredths(49, 50)).toBe(9800);
    expect(percentHundredths(1, 3)).toBe(3333);
    expect(percentHundredths(2, 3)).toBe(6667);
    expect(percentHundredths(1, 8)).toBe(1250);
    expect(percentHundredths(0, 0)).toBe(0);
    expect(percentHundredths(7, 7)).toBe(10000);
  });

  it('formats for display by unit', () => {
    expect(formatMetricValue(8736, '万元')).toBe('8736');
    expect(formatMetricValue(123.4568, '万元')).toBe('123.4568');
    expect(formatMetricValue(389.5, '万元')).toBe('389.5');
    expect(formatMetricValue(1234.5, '元')).toBe('1234.50');
    expect(formatMetricValue(1200000, '元')).toBe('1200000');
    expect(formatMetricValue(98.5, '%')).toBe('98.5%');
    expect(formatMetricValue(33.33, '%')).toBe('33.33%');
    expect(formatMetricValue(126, '场次')).toBe('126');
    expect(formatMetricWithUnit(126, '场次')).toBe('126 场次');
    expect(formatMetricWithUnit(90, '%')).toBe('90%');
  });
});
