import { isProvinceCode } from './regions';

/**
 * Citizen identity numbers per GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth
 * date, 3-digit sequence (odd = male, even = female), and an ISO 7064 MOD 11-2 check character.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export type Gender = '男' | '女';

export interface IdNumberInfo {
  idNumber: string; // normalized: 18 chars, upper-case X
  birthDate: string; // YYYY-MM-DD
  gender: Gender;
  provinceCode: string;
}

export type IdCheck = { ok: true; info: IdNumberInfo } | { ok: false; message: string };

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return checkChars[sum % 11];
}

/** Folds full-width digits and Ｘ, strips spaces; does not validate. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[Ｘｘ]/g, 'X')
    .replace(/[\s\u3000'‘’]/g, '')
    .toUpperCase();
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** `today` is YYYY-MM-DD in Asia/Shanghai; a birth date after it is refused. */
export function checkIdNumber(raw: string, today: string): IdCheck {
  const id = normalizeIdNumber(raw);
  if (id.length === 0) return { ok: false, message: '身份证号不能为空' };
  if (/^\d{15}$/.test(id)) return { ok: false, message: '15 位旧身份证号请换成 18 位号码' };
  if (/^\d(\.\d+)?E\+?\d+$/i.test(id)) {
    return { ok: false, message: '身份证号被 Excel 存成了数字（科学计数法），后几位已丢失；请把该列设为文本后重新填写' };
  }
  if (id.length !== 18) return { ok: false, message: `身份证号应为 18 位，实际为 ${id.length} 位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '身份证号前 17 位应为数字，最后一位为数字或 X' };
  const province = id.slice(0, 2);
  if (!isProvinceCode(province)) return { ok: false, message: `身份证号前两位 ${province} 不是有效的省份代码` };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, message: '身份证号中的出生日期不存在' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, message: '身份证号中的出生日期晚于今天' };
  if (checkDigit(id.slice(0, 17)) !== id[17]) return { ok: false, message: '身份证号校验位不正确，请核对' };
  const gender: Gender = Number(id[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, info: { idNumber: id, birthDate, gender, provinceCode: province } };
}

/** Builds a valid number from parts; used by the demo county and test factories. */
export function makeIdNumber(area: string, birthDate: string, sequence: number, gender: Gender): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (gender === '男')) seq = (seq + 1) % 1000;
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
