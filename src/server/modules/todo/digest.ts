import type { Kysely } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { maskPhone } from '../../../domain/mask';
import { roles, type Role } from '../../../domain/roles';
import { digestText } from '../../../domain/todo';
import type { Config } from '../../config';
import type { Ctx, Grant } from '../../context';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/types';
import type { Crypto } from '../../security/crypto';
import type { SmsSender } from '../otp/sms';
import { collectTodo } from './todo.service';

/**
 * The daily 待办 digest: one short message per user and day, from the configured hour (Asia/Shanghai),
 * sent by the server itself. Several instances on one database send it once: the instance that takes
 * the day's lease (an atomic insert of the `digest_runs` row, or a conditional update of a lease that
 * expired unfinished) sends; the others see the row and stop. Each user's delivery row is inserted
 * before the message goes out, so even a lease taken over mid-run never sends a user two digests.
 * Without an SMS provider the digest is written to the log, as the one-time codes are.
 */
export interface DigestDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  crypto: Crypto;
  now: () => Date;
  log: Pick<Ctx['log'], 'info' | 'warn' | 'error' | 'debug'>;
  sms: SmsSender;
  config: Pick<Config, 'digest' | 'sms'>;
  /** names this process in the lease row */
  instance?: string;
}

/** a run that stops (crash, restart) leaves its lease; another instance takes the day over after this long */
export const leaseMinutes = 15;

const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false });
export function shanghaiHour(instant: Date): number {
  return Number(hourOf.format(instant)) % 24;
}

export interface DigestRun {
  day: string;
  /** users sent to (or logged) */
  sent: number;
  /** users with to-dos left out: no phone while a provider is configured */
  noPhone: number;
  failed: number;
}

const leaseUntil = (now: Date) => new Date(now.getTime() + leaseMinutes * 60_000).toISOString();

/** Takes the day's lease: true for exactly one caller among instances racing for the same day. */
async function takeLease(deps: DigestDeps, day: string, instance: string): Promise<boolean> {
  const now = deps.now();
  const at = now.toISOString();
  const inserted = await deps.db
    .insertInto('digest_runs')
    .values({ day, instance, started_at: at, lease_until: leaseUntil(now), finished_at: null, sent: 0 })
    .onConflict((oc) => oc.column('day').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  // a run that stopped unfinished: the first instance to see its lease expired takes it over
  const taken = await deps.db
    .updateTable('digest_runs')
    .set({ instance, started_at: at, lease_until: leaseUntil(now) })
    .where('day', '=', day)
    .where('finished_at', 'is', null)
    .where('lease_until', '<', at)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

interface Recipient {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  grants: Grant[];
}

/** Enabled users who have not opted out, with their grants and reminder phone. */
async function recipients(deps: DigestDeps): Promise<Recipient[]> {
  const users = await deps.db
    .selectFrom('users as u')
    .leftJoin('user_notify_settings as s', 's.user_id', 'u.id')
    .select(['u.id', 'u.username', 'u.display_name', 's.phone_cipher', 's.digest_enabled'])
    .where('u.disabled', '=', 0)
    .orderBy('u.username')
    .execute();
  const wanted = users.filter((u) => u.digest_enabled === null || Number(u.digest_enabled) === 1);
  if (wanted.length === 0) return [];
  const grants = await deps.db.selectFrom('user_grants').select(['user_id', 'role', 'org_id']).execute();
  const byUser = new Map<string, Grant[]>();
  for (const g of grants) {
    if (!(roles as readonly string[]).includes(g.role)) continue;
    const list = byUser.get(g.user_id) ?? [];
    list.push({ role: g.role as Role, orgId: g.org_id });
    byUser.set(g.user_id, list);
  }
  return wanted
    .filter((u) => byUser.has(u.id))
    .map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, phone: u.phone_cipher ? deps.crypto.decrypt(u.phone_cipher) : null, grants: byUser.get(u.id) ?? [] }));
}

/** Sends one user's digest unless it was sent (or tried) today; returns what happened. */
async function sendOne(deps: DigestDeps, day: string, r: Recipient): Promise<'sent' | 'none' | 'no_phone' | 'failed' | 'done'> {
  const ctx: Ctx = {
    db: deps.db, dialect: deps.dialect, crypto: deps.crypto, now: deps.now, log: deps.log, ip: null,
    actor: { kind: 'user', id: r.id, username: r.username, displayName: r.displayName, grants: r.grants },
  };
  const todo = await collectTodo(ctx, 0);
  if (todo.total === 0) return 'none';
  if (deps.config.sms && !r.phone) return 'no_phone';
  const text = digestText(r.displayName, todo.groups);
  const channel = deps.config.sms ? 'sms' : 'log';
  const claimed = await deps.db
    .insertInto('digest_deliveries')
    .values({ user_id: r.id, day, at: deps.now().toISOString(), channel, items: todo.total, text })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) return 'done';
  try {
    if (r.phone) await deps.sms.send(r.phone, text);
    else deps.log.info({ user: r.username, text }, '待办提醒（未配置短信服务，仅写入日志）');
    return 'sent';
  } catch {
    deps.log.warn({ user: r.username, to: r.phone ? maskPhone(r.phone) : null }, '待办提醒短信发送失败');
    await deps.db.updateTable('digest_deliveries').set({ channel: 'failed' }).where('user_id', '=', r.id).where('day', '=', day).execute();
    return 'failed';
  }
}

/**
 * One tick of the scheduler: from the configured hour on, the instance that takes the day's lease
 * sends every user's digest; null when it is not time yet, the digest is off, or another instance has
 * (or is running) today's.
 */
export async function runDigestIfDue(deps: DigestDeps): Promise<DigestRun | null> {
  if (!deps.config.digest.enabled) return null;
  const now = deps.now();
  if (shanghaiHour(now) < deps.config.digest.hour) return null;
  const day = shanghaiDate(now);
  const instance = deps.instance ?? 'server';
  if (!(await takeLease(deps, day, instance))) return null;
  const run: DigestRun = { day, sent: 0, noPhone: 0, failed: 0 };
  const list = await recipients(deps);
  for (let i = 0; i < list.length; i++) {
    const outcome = await sendOne(deps, day, list[i]);
    if (outcome === 'sent') run.sent += 1;
    else if (outcome === 'no_phone') run.noPhone += 1;
    else if (outcome === 'failed') run.failed += 1;
    // a long run keeps its lease
    if (i % 50 === 49) await deps.db.updateTable('digest_runs').set({ lease_until: leaseUntil(deps.now()) }).where('day', '=', day).where('instance', '=', instance).execute();
  }
  await deps.db.updateTable('digest_runs').set({ finished_at: deps.now().toISOString(), sent: run.sent }).where('day', '=', day).where('instance', '=', instance).execute();
  deps.log.info({ ...run }, '每日待办提醒已发送');
  return run;
}

/** The server's timer: a tick every minute (never two at once in this process); stopped when the app closes. */
export function startDigestScheduler(deps: DigestDeps, everyMs = 60_000): { stop: () => void } {
  const instance = deps.instance ?? `server-${newId()}`;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDigestIfDue({ ...deps, instance });
    } catch (e) {
      deps.log.error({ err: e }, '每日待办提醒出错');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
