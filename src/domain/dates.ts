/** Dates are YYYY-MM-DD strings in Asia/Shanghai; instants are ISO-8601 UTC strings. */
const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function shanghaiDate(instant: Date): string {
  return shanghai.format(instant);
}

export function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** 2025-03-08 → 2025年3月8日 */
export function formatChineseDate(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return s;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const shanghaiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** An instant (ISO, UTC) as county staff write it: 2025年3月8日 14:05, Asia/Shanghai. */
export function formatChineseInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatChineseDate(shanghaiDate(d))} ${shanghaiTime.format(d)}`;
}

export function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** YYYY-MM-DD plus whole years; 29 February falls back to 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  return md === '02-29' && !isValidDate(`${y}-02-29`) ? `${y}-02-28` : `${y}-${md}`;
}

/**
 * The range a record's date may lie in. No ledger of the county's 群团 organizations predates the
 * founding of the People's Republic (1949-10-01); an event (发放、放款、签订、活动开始) is recorded at
 * most one year ahead (planned activities, loans approved for next year). A term's end (到期日期、
 * 结束日期) may lie further ahead: at most the longest term (贷款期限 120 个月) after the latest start.
 * Birth dates are not record dates: they come from the ID number (GB 11643, 1900 … today).
 */
export const recordDateFloor = '1949-10-01';
export const recordDateYearsAhead = 1;
export const termEndYearsAhead = recordDateYearsAhead + 10;
export type RecordDateKind = 'event' | 'termEnd';

export function recordDateCeiling(today: string, kind: RecordDateKind): string {
  return addYears(today, kind === 'event' ? recordDateYearsAhead : termEndYearsAhead);
}

/** The Chinese message for a date outside the record range, naming the field; null when it is inside. */
export function recordDateIssue(label: string, value: string, today: string | null, kind: RecordDateKind = 'event'): string | null {
  if (value < recordDateFloor) return `${label}不能早于 ${formatChineseDate(recordDateFloor)}`;
  if (today === null) return null;
  const ceiling = recordDateCeiling(today, kind);
  if (value > ceiling) return `${label}不能晚于 ${formatChineseDate(ceiling)}（${kind === 'event' ? '最多为今后一年内的日期' : '最多为今后十一年内的日期'}）`;
  return null;
}
