import { describe, expect, it } from 'vitest';
import { allowedWishActions, claimDueOn, claimLapsed, nextWishStatus, wishCode } from './flow';
import { addressParts, publicTextFindings, schoolNames, splitChineseName } from './public-text';

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
    const story = (text: string, record: Parameters<typeof publicTextFindings>[1]) => publicTextFindings({ story: text }, record).map((f) => f.message);
    expect(publicTextFindings({ title: '一件冬衣', story: '父母在外务工，和奶奶生活，喜欢画画' }, { name: '王小明' })).toEqual([]);
    expect(story('王小明在红旗小学读三年级，电话13912345678，住幸福路12号', { name: '王小明' })).toEqual([
      '心愿说明中出现受助人的姓名“王小明”（公开页只显示脱敏姓名）', '心愿说明中出现学校名称“小学”', '心愿说明中出现电话号码“13912345678”', '心愿说明中出现详细住址“住幸福路12号”',
    ]);
    expect(publicTextFindings({ story: '小明想要一套书' }, { name: '王小明' })).toEqual([{ field: 'story', kind: 'given_name', found: '小明', start: 0, end: 2, message: '心愿说明中出现受助人的名字“小明”' }]);
    expect(story('身份证230623201501011234', { name: '李四' })).toEqual(['心愿说明中出现身份证号']);
  });

  it('finds the given name after a compound surname as after a single one (欧阳思源 → 思源, 赵思远 → 思远)', () => {
    expect(splitChineseName('欧阳思源')).toEqual({ surname: '欧阳', given: '思源' });
    expect(splitChineseName('诸葛亮')).toEqual({ surname: '诸葛', given: '亮' });
    expect(splitChineseName('赵思远')).toEqual({ surname: '赵', given: '思远' });
    expect(splitChineseName('欧阳')).toEqual({ surname: '欧', given: '阳' }); // two characters: a surname and a given name
    for (const [name, text, given] of [['欧阳思源', '思源喜欢画画', '思源'], ['赵思远', '思远喜欢画画', '思远'], ['司马光', '小光想要书包', '小光'], ['王芳', '芳芳想要书包', '芳芳']]) {
      expect(publicTextFindings({ story: text }, { name }).map((f) => [f.kind, f.found]), name).toEqual([['given_name', given]]);
    }
    expect(publicTextFindings({ story: '芳香的花' }, { name: '王芳' })).toEqual([]);
  });

  it('finds the registered address, or its village and door number, with the positions in the text as written', () => {
    const record = { name: '欧阳思源', addresses: ['花园县探针镇光明村27号'] };
    const text = '住在花园县探针镇光明村27号，喜欢读书';
    const [f] = publicTextFindings({ story: text }, record);
    expect(f).toMatchObject({ kind: 'address', found: '花园县探针镇光明村27号', start: 2, end: 14 });
    expect(text.slice(f.start, f.end)).toBe(f.found);
    expect(publicTextFindings({ story: '家住光明村 27 号' }, record).map((x) => x.found)).toEqual(['光明村 27 号']);
    expect(publicTextFindings({ story: '家在光明村，门牌是２７号' }, record).map((x) => [x.found, x.message])).toEqual([
      ['光明村', '心愿说明中出现受助人登记住址中的“光明村”和门牌“27号”'], ['门牌', '心愿说明中出现详细住址“门牌”'], ['２７号', '心愿说明中出现受助人登记住址的门牌“２７号”'],
    ]);
    expect(publicTextFindings({ story: '光明村的孩子，喜欢读书' }, record)).toEqual([]); // the village alone is the unit's own name on the board
    expect(addressParts('花园县探针镇光明村3组27号')).toMatchObject({ local: '光明村3组27号', place: '光明村3组', door: '27号' });
    expect(addressParts('某省某市花园县黎明乡新城村6组')).toMatchObject({ local: '新城村6组', place: '新城村', door: '6组' });
    expect(publicTextFindings({ story: '住在新城村6组，喜欢读书' }, { name: '李辰', addresses: ['某省某市花园县黎明乡新城村6组'] }).map((x) => x.message)).toEqual(['心愿说明中出现受助人登记的住址“新城村6组”']);
  });

  it('finds the school written in the person’s note, its short form, and the household’s phones and names', () => {
    expect(schoolNames('就读于探针镇光明小学三年级')).toEqual(['探针镇光明小学', '光明小学', '光明小', '光明中', '光明校']);
    const record = { name: '赵思远', note: '就读于探针镇光明小学三年级', phones: ['13900001234'], guardianNames: ['赵建国'] };
    expect(publicTextFindings({ story: '在光明小读三年级，爸爸赵建国在外务工，有事请打139-0000-1234' }, record).map((f) => [f.kind, f.found])).toEqual([
      ['school', '光明小'], ['guardian_name', '赵建国'], ['phone', '139-0000-1234'],
    ]);
    expect(publicTextFindings({ title: '光明小学的书包', story: '想要书包' }, record).map((f) => [f.field, f.found])).toEqual([['title', '光明小学']]);
  });
});
