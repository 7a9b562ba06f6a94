import { describe, expect, it } from 'vitest';
import { allowedWishActions, claimDueOn, claimLapsed, nextWishStatus, wishCode } from './flow';
import { publicTextProblems } from './public-text';

describe('micro-wish rules', () => {
  it('codes wishes by year and running number', () => {
    expect(wishCode(2026, 123)).toBe('WX-2026-000123');
  });

  it('moves only along the flow', () => {
    expect(nextWishStatus('submitted', 'approve')).toEqual({ ok: true, to: 'approved' });
    expect(nextWishStatus('claimed', 'deliver')).toEqual({ ok: true, to: 'delivered' });
    const r = nextWishStatus('published', 'confirm');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('心愿当前状态为“待认领”，不能“确认圆梦”；可进行的操作：撤回');
    expect(allowedWishActions('claimed')).toEqual(['release', 'deliver']);
  });

  it('lapses a claim the day after its last day', () => {
    expect(claimDueOn('2026-12-20', 15)).toBe('2027-01-04');
    expect(claimLapsed('2027-01-04', '2027-01-04')).toBe(false);
    expect(claimLapsed('2027-01-04', '2027-01-05')).toBe(true);
  });

  it('refuses a name, phone, ID number, school or address in public text', () => {
    expect(publicTextProblems({ title: '一件冬衣', story: '父母在外务工，和奶奶生活，喜欢画画' }, '王小明')).toEqual([]);
    const found = publicTextProblems({ story: '王小明在红旗小学读三年级，电话13912345678，住幸福路12号' }, '王小明').map((p) => p.message);
    expect(found).toEqual(['不能出现受助人的姓名（公开页只显示脱敏姓名）', '不能出现电话号码', '不能出现学校名称', '不能出现详细住址']);
    expect(publicTextProblems({ story: '小明想要一套书' }, '王小明')).toEqual([{ field: 'story', message: '不能出现受助人的名字' }]);
    expect(publicTextProblems({ story: '身份证230623201501011234' }, '李四')[0].message).toBe('不能出现身份证号');
  });
});
