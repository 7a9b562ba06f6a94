import { type Kysely, type SqlBool, sql } from 'kysely';
import { newId } from '../../../domain/ids';
import { type Ctx, type Grant, inTransaction, nowIso } from '../../context';
import type { DB, User } from '../../db/types';
import { AppError, notFound } from '../../http/errors';
import { enforceRateLimit } from '../../http/rate-limit';
import { orgScope, resolveOrgInScope } from '../../http/scope';
import { randomPassword } from '../../security/crypto';
import { hashPassword, passwordProblem, verifyPassword } from '../../security/passwords';
import { appendAudit } from '../audit/audit.service';
import { resolveGrants, userInScope } from './users.grants';
import type { ChangePasswordInput, CreateUserInput, ListUsersQuery, UpdateUserInput } from './users.schemas';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  grants: { role: string; orgId: string | null; orgCode: string | null; orgName: string | null }[];
  lastLoginAt: string | null;
  createdAt: string;
}

async function toViews(db: Kysely<DB>, users: User[]): Promise<UserView[]> {
  if (users.length === 0) return [];
  const grants = await db
    .selectFrom('user_grants as g')
    .leftJoin('org_units as o', 'o.id', 'g.org_id')
    .select(['g.user_id', 'g.role', 'g.org_id', 'o.code', 'o.name'])
    .where('g.user_id', 'in', users.map((u) => u.id))
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    disabled: Boolean(u.disabled),
    mustChangePassword: Boolean(u.must_change_password),
    grants: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({ role: g.role, orgId: g.org_id, orgCode: g.code, orgName: g.org_id ? g.name : '全部组织' })),
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  }));
}

/** Loads a user the caller may manage, or 404 (a user outside the scope does not exist for the caller). */
async function loadManaged(ctx: Ctx, id: string): Promise<User> {
  const scope = orgScope(ctx, 'user.manage');
  const row = await ctx.db.selectFrom('users as u').selectAll('u').where('u.id', '=', id).where(userInScope(scope, 'u.id')).executeTakeFirst();
  if (!row) throw notFound('用户');
  return row;
}

async function revokeSessions(ctx: Ctx, userId: string, exceptSessionId?: string): Promise<void> {
  let q = ctx.db.updateTable('sessions').set({ revoked_at: nowIso(ctx) }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

async function insertGrants(ctx: Ctx, userId: string, grants: Grant[]): Promise<void> {
  const now = nowIso(ctx);
  await ctx.db
    .insertInto('user_grants')
    .values(grants.map((g) => ({ id: newId(), user_id: userId, role: g.role, org_id: g.orgId, created_at: now })))
    .execute();
}

const selfId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);
const grantDetail = (grants: Grant[]) => grants.map((g) => ({ role: g.role, orgId: g.orgId }));

export async function listUsers(ctx: Ctx, q: ListUsersQuery) {
  const scope = orgScope(ctx, 'user.manage');
  let qb = ctx.db.selectFrom('users as u').where(userInScope(scope, 'u.id'));
  if (q.orgId) {
    // users holding a grant on the unit or anywhere below it
    const orgId = await resolveOrgInScope(ctx, 'user.manage', q.orgId, 'orgId');
    qb = qb.where(
      sql<SqlBool>`exists (select 1 from user_grants gq join org_closure oq on oq.descendant_id = gq.org_id
        where gq.user_id = u.id and oq.ancestor_id = ${orgId})`,
    );
  }
  if (q.q) {
    // lower() on both sides: LIKE is case-insensitive on SQLite but not on PostgreSQL
    const pattern = `%${q.q.toLowerCase()}%`;
    qb = qb.where((eb) => eb.or([eb(eb.fn('lower', ['u.username']), 'like', pattern), eb(eb.fn('lower', ['u.display_name']), 'like', pattern)]));
  }
  const [rows, total] = await Promise.all([
    qb
      .selectAll('u')
      .orderBy('u.username')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await toViews(ctx.db, rows), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export async function getUser(ctx: Ctx, id: string): Promise<UserView> {
  const row = await loadManaged(ctx, id);
  return (await toViews(ctx.db, [row]))[0];
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserView> {
  const grants = await resolveGrants(ctx, input.grants);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
      .executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', '用户名已存在', [{ path: 'username', message: '用户名已存在' }]);
    const now = nowIso(tx);
    const row: User = {
      id: newId(),
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      disabled: 0,
      // a password the person did not choose: they set their own at first login
      must_change_password: 1,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    };
    await tx.db.insertInto('users').values(row).execute();
    await insertGrants(tx, row.id, grants);
    await appendAudit(tx, {
      action: 'create',
      entity: 'user',
      entityId: row.id,
      orgId: grants[0]?.orgId ?? null,
      detail: { username: row.username, displayName: row.display_name, grants: grantDetail(grants) },
    });
    return (await toViews(tx.db, [row]))[0];
  });
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserView> {
  const current = await loadManaged(ctx, id);
  if (id === selfId(ctx)) {
    if (input.disabled === true) throw new AppError('RULE_VIOLATED', '不能停用自己的账号', [{ path: 'disabled', message: '不能停用自己的账号' }]);
    // also keeps an administrator from locking themselves out by accident
    if (input.grants) throw new AppError('RULE_VIOLATED', '不能修改自己的授权，请联系上级管理员', [{ path: 'grants', message: '不能修改自己的授权' }]);
  }
  const grants = input.grants ? await resolveGrants(ctx, input.grants) : undefined;
  return inTransaction(ctx, async (tx) => {
    const disabled = input.disabled === undefined ? current.disabled : input.disabled ? 1 : 0;
    await tx.db
      .updateTable('users')
      .set({ display_name: input.displayName ?? current.display_name, disabled, updated_at: nowIso(tx) })
      .where('id', '=', id)
      .execute();
    if (disabled && !current.disabled) await revokeSessions(tx, id);
    if (grants) {
      await tx.db.deleteFrom('user_grants').where('user_id', '=', id).execute();
      await insertGrants(tx, id, grants);
    }
    const detail: Record<string, unknown> = { username: current.username };
    if (input.displayName !== undefined) detail.displayName = input.displayName;
    if (input.disabled !== undefined) detail.disabled = input.disabled;
    if (grants) detail.grants = grantDetail(grants);
    await appendAudit(tx, { action: input.disabled === true ? 'disable' : 'update', entity: 'user', entityId: id, orgId: grants?.[0]?.orgId ?? null, detail });
    const after = await tx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return (await toViews(tx.db, [after]))[0];
  });
}

/** A new random password (shown once), to be changed at next login; every session of the user ends. */
export async function resetPassword(ctx: Ctx, id: string): Promise<{ password: string }> {
  const current = await loadManaged(ctx, id);
  let password = randomPassword(16);
  while (passwordProblem(password)) password = randomPassword(16);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('users').set({ password_hash: passwordHash, must_change_password: 1, updated_at: nowIso(tx) }).where('id', '=', id).execute();
    await revokeSessions(tx, id);
    await appendAudit(tx, { action: 'reset_password', entity: 'user', entityId: id, detail: { username: current.username } });
  });
  return { password };
}

/** The logged-in user changes their own password; their other sessions end, this one stays. */
export async function changeOwnPassword(ctx: Ctx, input: ChangePasswordInput): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', '请先登录');
  // guessing the current password from a stolen session is throttled like login
  await enforceRateLimit(ctx.db, `password-change:${actor.id}`, 10, 15 * 60, ctx.now());
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await appendAudit(ctx, { action: 'change_password_failed', entity: 'user', entityId: actor.id });
    throw new AppError('VALIDATION', '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', '新密码不能与当前密码相同', [{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('users').set({ password_hash: passwordHash, must_change_password: 0, updated_at: nowIso(tx) }).where('id', '=', actor.id).execute();
    await revokeSessions(tx, actor.id, actor.sessionId);
    await appendAudit(tx, { action: 'change_password', entity: 'user', entityId: actor.id });
  });
}
