/** "1236800.5" → "1,236,800.5": thousands separators on the API's exact 元 string (no float rounding). */
export function groupDigits(v: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(v.trim());
  if (!m) return v;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/**
 * Amounts are shown as the API formats them (元 strings, with thousands separators); the browser
 * never adds them up. A zero amount means none was given (物资 or 服务 without a cash value), so it
 * shows as a dash.
 */
export function yuanText(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' || Number(v) === 0 ? '—' : groupDigits(String(v));
}
