import { describe, expect, it } from 'vitest';
import { TemplateError, parseTemplate } from './template';

function issues(source: string) {
  try {
    parseTemplate(source);
  } catch (e) {
    if (e instanceof TemplateError) return e.issues.map((i) => [i.line, i.column, i.placeholder]);
    throw e;
  }
  throw new Error('expected a TemplateError');
}

describe('template issues carry the column of the placeholder as written', () => {
  it('counts from the line as typed: leading spaces, title and heading prefixes, run-in （一） bodies', () => {
    expect(issues('# 标题{{nope.x}}\n  正文{{loans.cnt}}\n## 二、{{year}}{{a.b}}\n（一）小标题。正文{{x.y}}，{{loans.amount | fmt=roman}}')).toEqual([
      [1, 5, 'nope.x'],
      [2, 5, 'loans.cnt'],
      [3, 14, 'a.b'],
      [4, 10, 'x.y'],
      [4, 18, 'loans.amount | fmt=roman'],
    ]);
  });

  it('gives the figure specs their columns too, and column 1 to whole-line problems', () => {
    expect(parseTemplate('# 标题\n发放{{loans.amount}}万元').figures[0]).toMatchObject({ line: 2, column: 3 });
    expect(issues('正文')).toEqual([[1, 1, '']]);
    expect(issues('# 标题\n正文\n  # 又一个标题')).toEqual([[3, 3, '']]);
  });
});
