/**
 * Amounts are shown as the API formats them (元 strings); the browser never adds them up. A zero
 * amount means none was given (物资 or 服务 without a cash value), so it shows as a dash.
 */
export function yuanText(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' || Number(v) === 0 ? '—' : String(v);
}
