import { describe, expect, it } from 'vitest';
import { orgKinds } from '../org';
import { type RoleCandidate, missingRoleReason, orgRoleNames, parseRole, pickRoleUnit } from './roles';
import { TemplateError, parseTemplate } from './template';

const unit = (code: string, kind: string, depth: number): RoleCandidate => ({ id: `id-${code}`, code, name: code, kind, depth });

describe('parseRole', () => {
  it('accepts the Chinese role names and the kind ids, for every unit kind', () => {
    expect(parseRole('@妇联')).toBe('womens_federation');
    expect(parseRole('@womens_federation')).toBe('womens_federation');
    expect(parseRole('@总工会')).toBe('union');
    expect(parseRole('@工会')).toBe('union');
    expect(parseRole('＠团委')).toBe('youth_league');
    for (const k of orgKinds) {
      expect(parseRole(`@${k}`)).toBe(k);
      expect(parseRole(`@${orgRoleNames[k][0]}`)).toBe(k);
    }
    expect(parseRole('@妇女会')).toBeNull();
    expect(parseRole('妇联')).toBeNull();
  });

  it('reads org=@role in a placeholder and names an unknown role with the ones available', () => {
    const t = parseTemplate('# 标题\n贷款{{loans.amount | org=@妇联}}万元，{{loans.count | org=@science_association}}笔，{{loans.count | org=RT-FL}}笔。');
    expect(t.figures.map((f) => [f.role, f.org])).toEqual([['womens_federation', undefined], ['science_association', undefined], [undefined, 'RT-FL']]);
    try {
      parseTemplate('# 标题\n贷款{{loans.amount | org=@妇女会}}万元。');
      throw new Error('expected a TemplateError');
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      const issue = (e as TemplateError).issues[0];
      expect(issue).toMatchObject({ line: 2, column: 3 });
      expect(issue.message).toContain('未知的角色“@妇女会”');
      expect(issue.message).toContain('@妇联');
    }
  });

  it('reads settings lines (@妇联 = 代码) and rejects a role set twice', () => {
    expect(parseTemplate('# 标题\n@妇联 = RT-FL2\n正文。').settings).toEqual([{ line: 2, column: 1, text: '@妇联 = RT-FL2', role: 'womens_federation', org: 'RT-FL2' }]);
    expect(() => parseTemplate('# 标题\n@妇联 = A\n@womens_federation = B')).toThrow(/已在第 2 行设定过/);
    expect(() => parseTemplate('# 标题\n@妇联')).toThrow(/@角色 = 单位代码/);
  });
});

describe('pickRoleUnit', () => {
  const tree = [unit('C', 'party_committee', 0), unit('C-FL', 'womens_federation', 1), unit('C-FL-T1', 'womens_federation', 2), unit('C-T1-FL', 'womens_federation', 2), unit('C-ZGH', 'union', 1)];

  it('is the nearest descendant of the kind', () => {
    expect(pickRoleUnit('womens_federation', tree)?.code).toBe('C-FL');
    expect(pickRoleUnit('union', tree)?.code).toBe('C-ZGH');
  });

  it('is the reporting unit itself when it is of the kind', () => {
    expect(pickRoleUnit('party_committee', tree)?.code).toBe('C');
    const fromFl = [unit('C-FL', 'womens_federation', 0), unit('C-FL-T1', 'womens_federation', 1)];
    expect(pickRoleUnit('womens_federation', fromFl)?.code).toBe('C-FL');
  });

  it('is null when the tree has no unit of the kind', () => {
    expect(pickRoleUnit('science_association', tree)).toBeNull();
    expect(missingRoleReason('某县委', 'science_association')).toBe('“某县委”及其下级单位中没有科协');
  });

  it('takes, of two at the same depth, the one the settings name, else the first by code', () => {
    const two = [unit('T-FL-B', 'womens_federation', 1), unit('T-FL-A', 'womens_federation', 1), unit('T-FL-A-V', 'womens_federation', 2)];
    expect(pickRoleUnit('womens_federation', two)?.code).toBe('T-FL-A');
    expect(pickRoleUnit('womens_federation', two, 'T-FL-B')?.code).toBe('T-FL-B');
    expect(pickRoleUnit('womens_federation', two, 'id-T-FL-B')?.code).toBe('T-FL-B');
    // a setting naming no candidate of the kind changes nothing
    expect(pickRoleUnit('womens_federation', two, 'ELSEWHERE')?.code).toBe('T-FL-A');
  });
});
