/**
 * Chinese phone numbers: mobiles (11 digits, 1[3-9]x, optional +86/86 prefix) and landlines
 * (area code 0xx or 0xxx, 7–8 digit number, optional extension).
 */
export type PhoneCheck = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false; message: string };

export function normalizePhone(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[\s\u3000()（）]/g, '')
    .trim();
}

export function checkPhone(raw: string): PhoneCheck {
  let p = normalizePhone(raw);
  if (!p) return { ok: false, message: '电话号码不能为空' };
  p = p.replace(/^(\+?86)-?(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(p)) return { ok: true, phone: p, kind: 'mobile' };
  if (/^1\d*$/.test(p)) return { ok: false, message: '手机号应为以 13–19 开头的 11 位数字' };
  const m = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(p);
  if (m) return { ok: true, phone: `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ''}`, kind: 'landline' };
  return { ok: false, message: '电话号码格式不正确：手机号为 11 位，座机为区号-号码（如 0459-4621234）' };
}
