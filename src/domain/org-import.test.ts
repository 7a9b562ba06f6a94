import { describe, expect, it } from 'vitest';
import { checkUnitDivision, childCode, findCycles, levelHint, parseOrgKind, parseRoles } from './org-import';

describe('set-up import rules', () => {
  it('reads unit kinds as clerks write them', () => {
    expect(parseOrgKind('基层工会')).toEqual({ ok: true, kind: 'grassroots_union' });
    expect(parseOrgKind(' 村妇联 ')).toEqual({ ok: true, kind: 'womens_branch' });
    expect(parseOrgKind('团支部')).toEqual({ ok: true, kind: 'youth_branch' });
    expect(parseOrgKind('ｕｎｉｏｎ')).toEqual({ ok: true, kind: 'union' });
    expect(parseOrgKind('乡镇妇联')).toEqual({ ok: true, kind: 'womens_federation' });
    const bad = parseOrgKind('侨联');
    expect(bad.ok).toBe(false);
  });

  it('takes the level a kind label implies', () => {
    expect([levelHint('乡镇妇联'), levelHint('村妇联'), levelHint('社区团支部'), levelHint('企业工会'), levelHint('基层工会')]).toEqual(['township', 'village', 'village', 'enterprise', null]);
  });

  it('reads roles, several at once, never 系统管理员', () => {
    expect(parseRoles('组织管理员、工作人员')).toEqual({ ok: true, roles: ['org_admin', 'staff'] });
    expect(parseRoles('领导')).toEqual({ ok: true, roles: ['leader'] });
    expect(parseRoles('系统管理员')).toEqual({ ok: false, message: '不能通过导入授予系统管理员角色' });
    expect(parseRoles('站长')).toMatchObject({ ok: false, message: expect.stringContaining('角色“站长”无法识别') });
  });

  it('makes a code from the parent and skips taken ones', () => {
    const taken = new Set(['QH-FL-01', 'QH-FL-02']);
    expect(childCode('QH-FL', (c) => taken.has(c))).toBe('QH-FL-03');
  });

  it('keeps division codes in the county’s province', () => {
    expect(checkUnitDivision('２３１２２５１００', '231225')).toEqual({ ok: true, code: '231225100' });
    expect(checkUnitDivision('440301', '231225')).toEqual({ ok: false, message: '行政区划代码 440301 属于广东省，不在本县所在的黑龙江省' });
    expect(checkUnitDivision('2312', '231225')).toMatchObject({ ok: false });
  });

  it('finds loops among parents, not the nodes leading into them', () => {
    const parent: Record<string, string | null> = { a: 'b', b: 'c', c: 'a', d: 'a', e: null, f: 'f' };
    const cycles = findCycles(Object.keys(parent), (k) => parent[k]);
    expect([...cycles.keys()].sort()).toEqual(['a', 'b', 'c', 'f']);
    expect(cycles.get('b')).toEqual(['b', 'c', 'a']);
  });
});
