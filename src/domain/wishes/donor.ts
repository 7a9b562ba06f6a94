import { z } from 'zod';

/**
 * The name a donor leaves for the thank-you (微心愿认领): shown on the public wish page and to staff
 * in place of the donor. Empty means 匿名. The donor's phone is never shown anywhere public, so a
 * name that carries a phone or ID number (a run of digits) is refused.
 */
export const anonymousDonor = '爱心人士（匿名）';
export const donorNameMax = 20;

export function donorDisplayName(name: string | null | undefined): string {
  return name?.trim() ? name.trim() : anonymousDonor;
}

export const donorNameInput = z
  .string({ error: '留名应为文字' })
  .trim()
  .max(donorNameMax, `留名不能超过 ${donorNameMax} 个字`)
  .refine((v) => !/\d{5}/.test(v.replace(/[\s-]/g, '')), '留名不能包含电话号码或证件号码');

/** What is stored: null for 匿名 (left empty, or written as 匿名). */
export function donorNameToStore(name: string | null | undefined): string | null {
  const v = name?.trim() ?? '';
  return v === '' || v === '匿名' || v === anonymousDonor ? null : v;
}
