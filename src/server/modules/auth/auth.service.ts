import type { Kysely } from 'kysely';
import { newId } from '../../../domain/ids';
import { type Permission, type Role, roles, rolePermissions } from '../../../domain/roles';
import type { Actor, Ctx, Grant } from '../../context';
import { nowIso } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../http/errors';
import { hitCounter, readCounter, retryAfterSeconds } from '../../http/rate-limit';
import { randomToken, safeEqual, sha256 } from '../../security/crypto';
import { verifyPassword } from '../../security/passwords';
import { appendAudit } from '../audit/audit.service';
import { handlesOpenCases } from '../cases/cases.service';

// Login throttling, counted in the database (so every instance agrees). A county office sits behind one
// NAT address: one colleague's typos, or one attacker, must not lock out the office. So the tight limit is
// per (address, username); a username alone has a higher one (guessing from many addresses); an address
// alone only a high ceiling over a longer window (one address trying many usernames).
const loginWindowSec = 15 * 60;
export const loginLimits = {
  /** failures of one username from one address in 15 minutes */
  perAddressAndUser: 5,
  /** failures of one username from any address in 15 minutes */
  perUser: 10,
  /** failures from one address, any username, in an hour */
  perAddress: 200,
  addressWindowSec: 60 * 60,
} as const;

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; mustChangePassword: boolean };
}

export async function login(
  ctx: Ctx,
  input: { username: string; password: string; userAgent?: string | null },
  sessionHours: number,
): Promise<LoginResult> {
  const now = ctx.now();
  const username = input.username.trim();
  const address = ctx.ip ?? 'unknown';
  const pairKey = `login-fail:ip-user:${address}:${username.toLowerCase()}`;
  const userKey = `login-fail:user:${username.toLowerCase()}`;
  const ipKey = `login-fail:ip:${address}`;
  const [pairFails, userFails, ipFails] = await Promise.all([
    readCounter(ctx.db, pairKey, loginWindowSec, now),
    readCounter(ctx.db, userKey, loginWindowSec, now),
    readCounter(ctx.db, ipKey, loginLimits.addressWindowSec, now),
  ]);
  if (pairFails >= loginLimits.perAddressAndUser || userFails >= loginLimits.perUser) {
    const minutes = Math.ceil(retryAfterSeconds(now, loginWindowSec) / 60);
    throw new AppError('RATE_LIMITED', `该账号登录失败次数过多，请 ${minutes} 分钟后再试`);
  }
  if (ipFails >= loginLimits.perAddress) {
    const minutes = Math.ceil(retryAfterSeconds(now, loginLimits.addressWindowSec) / 60);
    throw new AppError('RATE_LIMITED', `本网络地址登录失败次数过多，请 ${minutes} 分钟后再试`);
  }
  const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  // verify even when the user is unknown, so timing does not reveal which usernames exist
  const ok = await verifyPassword(user?.password_hash ?? dummyHash, input.password);
  if (!user || !ok || user.disabled) {
    await hitCounter(ctx.db, pairKey, loginWindowSec, now);
    await hitCounter(ctx.db, userKey, loginWindowSec, now);
    await hitCounter(ctx.db, ipKey, loginLimits.addressWindowSec, now);
    await appendAudit(ctx, { action: 'login_failed', entity: 'user', entityId: user?.id ?? null, detail: { username } });
    throw new AppError('UNAUTHENTICATED', user?.disabled && ok ? '该账号已停用，请联系管理员' : '用户名或密码错误');
  }
  const token = randomToken();
  const csrfToken = randomToken(18);
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx, actor: { kind: 'user', id: user.id, username: user.username, displayName: user.display_name, grants: [] } as Actor };
    await trx
      .insertInto('sessions')
      .values({
        id: newId(),
        token_hash: sha256(token),
        csrf_hash: sha256(csrfToken),
        user_id: user.id,
        ip: ctx.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        created_at: nowIso(ctx),
        expires_at: expiresAt,
      })
      .execute();
    await trx.updateTable('users').set({ last_login_at: nowIso(ctx) }).where('id', '=', user.id).execute();
    await appendAudit(tx, { action: 'login', entity: 'user', entityId: user.id });
  });
  return {
    token,
    csrfToken,
    expiresAt,
    user: { id: user.id, username: user.username, displayName: user.display_name, mustChangePassword: Boolean(user.must_change_password) },
  };
}

// An argon2id hash of a random string, so unknown usernames cost the same as known ones.
const dummyHash = '$argon2id$v=19$m=19456,t=2,p=1$9BmXSPsZ7Iap6BdxNT5LYA$vecTPkgpUtjPNb896kIktknHxRZ4m1/r6XraSn3diw8';

export interface SessionLookup {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfHash: string;
  mustChangePassword: boolean;
}

/** Resolves an opaque token to its user and grants; null when unknown, expired, revoked or disabled. */
export async function findSession(db: Kysely<DB>, token: string, now: Date): Promise<SessionLookup | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as sessionId', 's.csrf_hash', 's.expires_at', 's.revoked_at', 'u.id', 'u.username', 'u.display_name', 'u.disabled', 'u.must_change_password'])
    .where('s.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled || row.expires_at <= now.toISOString()) return null;
  const grants = await db.selectFrom('user_grants').select(['role', 'org_id']).where('user_id', '=', row.id).execute();
  return {
    csrfHash: row.csrf_hash,
    mustChangePassword: Boolean(row.must_change_password),
    actor: {
      kind: 'user',
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      sessionId: row.sessionId,
      grants: grants.filter((g) => (roles as readonly string[]).includes(g.role)).map((g): Grant => ({ role: g.role as Role, orgId: g.org_id })),
    },
  };
}

export function csrfMatches(csrfHash: string, presented: string | undefined): boolean {
  return Boolean(presented) && safeEqual(sha256(presented as string), csrfHash);
}

export async function logout(ctx: Ctx): Promise<void> {
  if (ctx.actor.kind !== 'user' || !ctx.actor.sessionId) return;
  await ctx.db.updateTable('sessions').set({ revoked_at: nowIso(ctx) }).where('id', '=', ctx.actor.sessionId).execute();
  await appendAudit(ctx, { action: 'logout', entity: 'user', entityId: ctx.actor.id });
}

export async function describeMe(ctx: Ctx) {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', '请先登录');
  const orgIds = ctx.actor.grants.map((g) => g.orgId).filter((x): x is string => x !== null);
  const orgs = orgIds.length
    ? await ctx.db.selectFrom('org_units').select(['id', 'code', 'name']).where('id', 'in', orgIds).execute()
    : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const row = await ctx.db.selectFrom('users').select('must_change_password').where('id', '=', ctx.actor.id).executeTakeFirst();
  const perms = new Set<Permission>();
  for (const g of ctx.actor.grants) for (const p of rolePermissions[g.role]) perms.add(p);
  return {
    id: ctx.actor.id,
    username: ctx.actor.username,
    displayName: ctx.actor.displayName,
    grants: ctx.actor.grants.map((g) => ({
      role: g.role,
      orgId: g.orgId,
      orgCode: g.orgId ? (byId.get(g.orgId)?.code ?? null) : null,
      orgName: g.orgId ? (byId.get(g.orgId)?.name ?? null) : '全部组织',
    })),
    permissions: [...perms],
    /** assigned handler of a case not yet archived (may lack case.read: the inbox then shows their own cases) */
    caseHandler: await handlesOpenCases(ctx.db, ctx.actor.id),
    mustChangePassword: Boolean(row?.must_change_password),
  };
}
