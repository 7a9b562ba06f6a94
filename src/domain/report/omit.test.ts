import { describe, expect, it } from 'vitest';
import { leaveOutSentences } from './omit';
import { type FigureValue, figureKey, figureRequest, plain, renderReport } from './render';
import { parseTemplate } from './template';

const source = [
  '# {{org.name}}{{year}}年总结',
  '（一）服务发展。县妇联培训妇女{{activities.participants{type=培训} | org=@妇联}}人；团县委培训青年{{activities.participants{type=培训} | org=@团委}}人次。',
  '（二）科普。科协开展科普活动{{activities.count | org=@科协}}项。',
  '全县{{orgs.count}}个组织参与；科协协办{{activities.count | org=@科协}}项，团委协办{{activities.count | org=@团委}}项。',
].join('\n');

describe('leaveOutSentences', () => {
  const t = parseTemplate(source);
  const missing = new Set(['science_association']);
  const { template, leftOut } = leaveOutSentences(t, (f) => (f.role && missing.has(f.role) ? '“某县委”及其下级单位中没有科协' : null));

  it('takes out the sentence holding a placeholder whose role has no unit, and a section left empty', () => {
    expect(template.blocks.map((b) => b.kind)).toEqual(['title', 'heading', 'paragraph']);
    expect(template.figures.map((f) => f.role ?? 'self')).toEqual(['womens_federation', 'youth_league', 'self']);
    expect(leftOut.map((o) => [o.line, o.placeholders, o.reason])).toEqual([
      [3, ['activities.count | org=@科协'], '“某县委”及其下级单位中没有科协'],
      [4, ['activities.count | org=@科协'], '“某县委”及其下级单位中没有科协'],
    ]);
  });

  it('renders the rest well-formed and lists what was left out as it would have read', () => {
    const ctx = { kind: 'annual' as const, year: 2026, org: 'C', roles: new Map([['womens_federation', 'C-FL'], ['youth_league', 'C-TW']] as const) };
    const values = new Map<string, FigureValue>();
    template.figures.forEach((f, i) => values.set(figureKey(figureRequest(f, ctx)), { value: 10 + i, unit: '人', org: 'x', orgName: 'x', from: '2026-01-01', to: '2026-12-31' }));
    const doc = renderReport(template, { ...ctx, orgName: '某县委', values, leftOut });
    expect(doc.blocks.map((b) => plain(b.kind === 'heading' && b.level === 2 ? [...b.runs, ...b.body] : b.runs))).toEqual([
      '（一）服务发展。县妇联培训妇女10人；团县委培训青年11人次。',
      // the sentence goes whole, 团委's figure with it; the one before takes its full stop
      '全县12个组织参与。',
    ]);
    expect(doc.omitted).toEqual([
      { n: 1, line: 3, sentence: '科协开展科普活动…项。', placeholders: ['activities.count | org=@科协'], reason: '“某县委”及其下级单位中没有科协' },
      { n: 2, line: 4, sentence: '科协协办…项，团委协办…项。', placeholders: ['activities.count | org=@科协'], reason: '“某县委”及其下级单位中没有科协' },
    ]);
  });

  it('gives the sentence before the full stop of a last sentence left out', () => {
    const last = parseTemplate('# 标题\n县妇联培训{{activities.count | org=@妇联}}期；科协{{activities.count | org=@科协}}项。');
    const r = leaveOutSentences(last, (f) => (f.role === 'science_association' ? '没有科协' : null));
    const p = r.template.blocks[1];
    expect(p.kind === 'paragraph' && p.segments.map((s) => (s.kind === 'text' ? s.text : '#')).join('')).toBe('县妇联培训#期。');
  });

  it('changes nothing when every role has a unit', () => {
    expect(leaveOutSentences(t, () => null)).toEqual({ template: t, leftOut: [] });
  });
});
