/**
 * Publishing nominees (公示 names them). A nominee is shown by the public display name (丁梅家庭) only
 * when the consent to publication is recorded — the nominee's own (本人) or a guardian's (监护人) —
 * and the nominee is not a child: children stay masked whatever was recorded, as on every public page.
 */
export const consentKinds = ['self', 'guardian'] as const;
export type ConsentKind = (typeof consentKinds)[number];
export const consentLabels: Record<ConsentKind, string> = { self: '本人已同意公开', guardian: '监护人已同意公开' };

export interface Publication {
  /** the masked name kept since the nomination (丁*家庭) */
  maskedName: string;
  displayName: string | null;
  consent: ConsentKind | null;
  /** the nominee is a person under 18 */
  child: boolean;
}

export function publicNomineeName(p: Publication): string {
  return p.consent && p.displayName && !p.child ? p.displayName : p.maskedName;
}

/** A display name may not carry a phone or an ID number; a child's name is never displayed. */
export function displayNameIssue(name: string, child: boolean): string | null {
  if (child) return '未成年人不公开姓名，请留空公开展示名称（公众页面显示脱敏名称）';
  if (/\d{7,}/.test(name.replace(/[\s-]/g, ''))) return '公开展示名称不能含电话号码或身份证号';
  return null;
}

/** Full personal names that stay masked in public text: everyone's, except adults named by the displayed name. */
export function namesToMask(all: readonly string[], children: ReadonlySet<string>, shown: string | null): string[] {
  return all.filter((n) => children.has(n) || !shown || !shown.includes(n));
}

/** Is a person born on `birthDate` under 18 on `today` (both YYYY-MM-DD)? */
export function isChild(birthDate: string | null | undefined, today: string): boolean {
  if (!birthDate) return false;
  const eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  return today < eighteenth;
}
