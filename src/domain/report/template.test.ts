import { describe, expect, it } from 'vitest';
import { type FigureValue, figureKey, figureRequest, plain, renderReport } from './render';
import { TemplateError, parseTemplate } from './template';
import { defaultTemplates } from './templates/index';

function issuesOf(source: string) {
  try {
    parseTemplate(source);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}

describe('parseTemplate', () => {
  it('reads the title, 一、 and （一） headings, paragraphs and placeholders', () => {
    const t = parseTemplate('# {{year}}年工作总结\n\n一、{{year}}年工作回顾\n（一）服务发展有新作为。培训{{activities.sessions{type=培训|宣讲} | org=LD-FL | fmt=int}}期。\n// a note\n正文{{loans.amount | fmt=wan | period=H1}}万元。');
    expect(t.blocks.map((b) => b.kind)).toEqual(['title', 'heading', 'heading', 'paragraph']);
    expect(t.figures).toHaveLength(2);
    expect(t.figures[0]).toMatchObject({ code: 'activities.sessions', ref: 'activities.sessions{type=培训|宣讲}', org: 'LD-FL', fmt: 'int', line: 4 });
    expect(t.figures[1]).toMatchObject({ code: 'loans.amount', period: 'H1', fmt: 'wan', line: 6 });
    const h2 = t.blocks[2];
    expect(h2.kind === 'heading' && h2.level === 2 && h2.body.length).toBeGreaterThan(0);
  });

  it('names the placeholder and its line for an unknown metric, filter, option or value — all at once', () => {
    const e = issuesOf('# 标题\n一、回顾\n共{{activities.cnt | org=LD}}项，{{loans.amount{colour=red}}}，{{loans.count | fmt=roman}}笔，{{loans.count | size=2}}\n{{orgs.count{kind=castle}}}');
    expect(e.issues.map((i) => [i.line, i.placeholder])).toEqual([
      [3, 'activities.cnt | org=LD'],
      [3, 'loans.amount{colour=red}'],
      [3, 'loans.count | fmt=roman'],
      [3, 'loans.count | size=2'],
      [4, 'orgs.count{kind=castle}'],
    ]);
    expect(e.message).toContain('第 3 行 {{activities.cnt | org=LD}}');
    expect(e.message).toContain('activities.cnt');
    expect(e.message).toContain('colour');
  });

  it('rejects an unclosed placeholder and a template without a title', () => {
    expect(issuesOf('# 标题\n数字{{loans.count').issues[0]).toMatchObject({ line: 2 });
    expect(issuesOf('一、回顾').issues[0].message).toContain('标题');
    expect(issuesOf('# 标题\n正文\n# 又一个标题').issues[0]).toMatchObject({ line: 3 });
    expect(parseTemplate('# 第一行\n# 第二行\n正文').blocks[0]).toMatchObject({ kind: 'title', lines: [[{ text: '第一行' }], [{ text: '第二行' }]] });
  });

  it('parses every default template', () => {
    for (const t of defaultTemplates) expect(parseTemplate(t.source).figures.length).toBeGreaterThan(3);
  });
});

describe('renderReport', () => {
  it('fills the year and figures, each figure run carrying its provenance', () => {
    const t = parseTemplate('# {{year}}年总结\n（一）为民。发放贷款{{loans.amount | org=LD-FL}}万元，物资{{assistance.amount{form=物资} | fmt=yu | unit=万元}}；{{year+1}}年再接再厉。');
    const ctx = { kind: 'annual' as const, year: 2025, org: 'LD' };
    const values = new Map<string, FigureValue>();
    const v = (value: number, unit: FigureValue['unit'], org: string): FigureValue => ({ value, unit, org, orgName: org, from: '2025-01-01', to: '2025-12-31' });
    values.set(figureKey(figureRequest(t.figures[0], ctx)), v(8736, '万元', 'LD-FL'));
    values.set(figureKey(figureRequest(t.figures[1], ctx)), v(1_236_800, '元', 'LD'));
    const doc = renderReport(t, { ...ctx, orgName: '林甸县委', values });
    expect(doc.title).toBe('2025年总结');
    const b = doc.blocks[0];
    expect(b.kind === 'heading' && b.level === 2 ? plain(b.body) : '').toBe('发放贷款8736万元，物资120余万元；2026年再接再厉。');
    expect(doc.figures.map((f) => [f.n, f.text, f.ref, f.org, f.value])).toEqual([
      [1, '8736', 'loans.amount', 'LD-FL', 8736],
      [2, '120余万元', 'assistance.amount{form=物资}', 'LD', 1_236_800],
    ]);
    expect(JSON.stringify(doc)).not.toContain('XX');
  });
});
