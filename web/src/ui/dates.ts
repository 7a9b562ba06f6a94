import dayjs, { type Dayjs } from 'dayjs';
import { formatChineseDate, formatChineseInstant } from '../../../src/domain/dates';
import { serverToday, serverYear } from '../../shared/clock';

/** Today (the server's business date, Asia/Shanghai) as YYYY-MM-DD; see web/shared/clock.ts. */
export const today = serverToday;

/** This year (the server's business date, Asia/Shanghai); see web/shared/clock.ts. */
export const thisYear = serverYear;

/** 'YYYY-MM-DD' → 2025年3月8日; empty shows a dash. */
export function showDate(s: string | null | undefined): string {
  return s ? formatChineseDate(s) : '—';
}

/** ISO instant (UTC) → 2025年3月8日 14:05 in Asia/Shanghai. */
export function showInstant(iso: string | null | undefined): string {
  return iso ? formatChineseInstant(iso) : '—';
}

/**
 * Form.Item props that keep a date field's value as 'YYYY-MM-DD' text while the DatePicker works
 * with dayjs objects.
 */
export const dateFieldProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined),
};

/**
 * DatePicker formats: shown as 2025年3月8日; typed as 2025-03-08, 2025/3/8, 2025.3.8 or 20250308
 * as well (the first format is the display one).
 */
export const datePickerFormats = ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYY-M-D', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD'];
