import { describe, expect, it } from 'vitest';
import { checkIdNumber, makeIdNumber } from './id-number';

const today = '2026-11-28';

describe('GB 11643 ID numbers', () => {
  it('accepts a valid number and derives birth date and gender', () => {
    // 11010519491231002X is the standard's worked example
    const r = checkIdNumber('11010519491231002X', today);
    expect(r).toEqual({ ok: true, info: { idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: '女', provinceCode: '11' } });
  });
  it('accepts a lower-case x and full-width digits', () => {
    expect(checkIdNumber('11010519491231002x', today).ok).toBe(true);
    expect(checkIdNumber('１１０１０５１９４９１２３１００２Ｘ', today).ok).toBe(true);
  });
  it('refuses a wrong check digit', () => {
    expect(checkIdNumber('110105194912310021', today)).toEqual({ ok: false, message: '身份证号校验位不正确，请核对' });
  });
  it('refuses an impossible or future birth date and a bad province', () => {
    const feb30 = makeIdNumber('230623', '1990-02-28', 12, '男').replace('19900228', '19900230');
    expect(checkIdNumber(feb30, today)).toMatchObject({ ok: false, message: '身份证号中的出生日期不存在' });
    expect(checkIdNumber(makeIdNumber('230623', '2027-01-01', 1, '男'), today)).toMatchObject({ ok: false, message: '身份证号中的出生日期晚于今天' });
    expect(checkIdNumber(makeIdNumber('990623', '1990-01-01', 1, '男'), today)).toMatchObject({ ok: false });
  });
  it('explains a number Excel turned into scientific notation', () => {
    expect(checkIdNumber('2.30623E+17', today)).toMatchObject({ ok: false, message: expect.stringContaining('科学计数法') });
  });
  it('makes numbers with the requested gender', () => {
    const id = makeIdNumber('140727', '1985-03-08', 10, '男');
    expect(checkIdNumber(id, today)).toMatchObject({ ok: true, info: { gender: '男', birthDate: '1985-03-08' } });
  });
});
