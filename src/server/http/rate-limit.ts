import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { AppError } from './errors';

/**
 * Fixed-window counters kept in the database, so every server instance on one PostgreSQL counts
 * the same hits (no per-process memory).
 */
function windowStart(now: Date, windowSec: number): string {
  const ms = windowSec * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

export async function hitCounter(db: Kysely<DB>, key: string, windowSec: number, now: Date): Promise<number> {
  const start = windowStart(now, windowSec);
  const row = await db
    .insertInto('rate_buckets')
    .values({ key, window_start: start, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_buckets.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  if (count === 1) {
    // a new window: forget this key's old windows
    await db.deleteFrom('rate_buckets').where('key', '=', key).where('window_start', '<', start).execute();
  }
  return count;
}

export async function readCounter(db: Kysely<DB>, key: string, windowSec: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('rate_buckets')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '=', windowStart(now, windowSec))
    .executeTakeFirst();
  return row ? Number(row.count) : 0;
}

export function retryAfterSeconds(now: Date, windowSec: number): number {
  const ms = windowSec * 1000;
  return Math.max(1, Math.ceil((Math.floor(now.getTime() / ms) * ms + ms - now.getTime()) / 1000));
}

/** Counts one hit and throws 429 once the window's limit is passed. */
export async function enforceRateLimit(
  db: Kysely<DB>,
  key: string,
  limit: number,
  windowSec: number,
  now: Date,
): Promise<void> {
  const count = await hitCounter(db, key, windowSec, now);
  if (count > limit) {
    const wait = retryAfterSeconds(now, windowSec);
    throw new AppError('RATE_LIMITED', `请求过于频繁，请 ${wait} 秒后再试`, [{ path: 'retryAfter', message: String(wait) }]);
  }
}
