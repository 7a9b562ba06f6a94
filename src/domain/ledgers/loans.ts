/**
 * 妇女小额担保贷款贴息: the subsidy is the interest on the principal at the product's annual rate
 * over the term, times the subsidized share (财政部 贴息资金管理办法). Rounded to the 分.
 */
export function computeSubsidyFen(principalFen: number, rateBp: number, subsidyPct: number, termMonths: number): number {
  return Math.round((principalFen * rateBp * termMonths * subsidyPct) / (10000 * 12 * 100));
}

/** Due date = disbursement date + term months (same day of month, clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
