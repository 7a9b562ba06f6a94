import { type RecordDateKind, recordDateIssue, shanghaiDate } from '../../domain/dates';
import type { Ctx } from '../context';
import { AppError, type ErrorDetail } from './errors';

/** One date of a request body: its path, the label users see, its value (absent is fine), and its kind. */
export type RecordDateField = [path: string, label: string, value: string | null | undefined, kind?: RecordDateKind];

/**
 * The record-date range (domain/dates.ts: 1949-10-01 … a year after the server's today) for bodies
 * checked by a route schema, which cannot know today: the service calls this first. 400 VALIDATION
 * naming every field out of range, in Chinese.
 */
export function assertRecordDates(ctx: Ctx, fields: RecordDateField[]): void {
  const today = shanghaiDate(ctx.now());
  const details: ErrorDetail[] = [];
  for (const [path, label, value, kind] of fields) {
    const message = value ? recordDateIssue(label, value, today, kind) : null;
    if (message) details.push({ path, message });
  }
  if (details.length) throw new AppError('VALIDATION', details[0].message, details);
}
