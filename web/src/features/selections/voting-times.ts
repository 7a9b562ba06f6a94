import dayjs, { type Dayjs } from 'dayjs';
import { formatChineseInstant } from '../../../../src/domain/dates';

/**
 * 投票开始/截止 in the forms: the clerk picks a Beijing wall-clock time whatever the computer's own time
 * zone; the server stores the instant (UTC).
 */
const wall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export const pickerFormat = 'YYYY-MM-DD HH:mm';

export function instantToPicker(iso: string | null | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  return dayjs(wall.format(new Date(iso)).replace(',', ''), pickerFormat);
}

export function pickerToInstant(v: Dayjs | null | undefined): string | null {
  return v ? `${v.format('YYYY-MM-DDTHH:mm')}:00+08:00` : null;
}

/** 2026年6月16日 08:00 至 2026年6月20日 20:00 */
export function votingWindowText(startsAt: string | null, endsAt: string | null): string {
  if (!startsAt && !endsAt) return '未设置';
  return `${startsAt ? formatChineseInstant(startsAt) : '进入投票阶段时'} 至 ${endsAt ? formatChineseInstant(endsAt) : '（未设截止时间）'}`;
}
