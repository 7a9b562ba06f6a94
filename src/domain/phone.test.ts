import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask';
import { checkPhone } from './phone';
import { checkDivisionCode } from './regions';

describe('phones', () => {
  it('accepts mobiles with or without +86 and landlines with area codes', () => {
    expect(checkPhone('13812341234')).toEqual({ ok: true, phone: '13812341234', kind: 'mobile' });
    expect(checkPhone('+86 138 1234 1234')).toEqual({ ok: true, phone: '13812341234', kind: 'mobile' });
    expect(checkPhone('0459－4621234')).toEqual({ ok: true, phone: '0459-4621234', kind: 'landline' });
    expect(checkPhone('(0459)4621234-12')).toEqual({ ok: true, phone: '0459-4621234-12', kind: 'landline' });
  });
  it('refuses short mobiles and junk', () => {
    expect(checkPhone('1381234123').ok).toBe(false);
    expect(checkPhone('12345').ok).toBe(false);
    expect(checkPhone('abc').ok).toBe(false);
  });
});

describe('masks', () => {
  it('masks as the lists show them', () => {
    expect(maskIdNumber('140727198503081234')).toBe('140727********1234');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王明')).toBe('王*');
  });
});

describe('GB/T 2260 division codes', () => {
  it('accepts 6, 9 and 12 digits with a real province', () => {
    expect(checkDivisionCode('230623').ok).toBe(true);
    expect(checkDivisionCode('230623100').ok).toBe(true);
    expect(checkDivisionCode('230623100201').ok).toBe(true);
  });
  it('refuses other lengths, letters and unknown provinces', () => {
    expect(checkDivisionCode('2306231').ok).toBe(false);
    expect(checkDivisionCode('23062A').ok).toBe(false);
    expect(checkDivisionCode('990623').ok).toBe(false);
  });
});
