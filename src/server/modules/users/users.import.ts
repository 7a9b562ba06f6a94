import ExcelJS from 'exceljs';
import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { foldWidth } from '../../../domain/imports/cells';
import { maskPhone } from '../../../domain/mask';
import { parseRoles } from '../../../domain/org-import';
import { checkPhone } from '../../../domain/phone';
import { roleLabels, type Role } from '../../../domain/roles';
import { type Ctx, type Grant, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { assertOrgInScope, orgScope } from '../../http/scope';
import { randomPassword } from '../../security/crypto';
import { hashPassword, passwordProblem } from '../../security/passwords';
import { appendAudit } from '../audit/audit.service';
import { batchNumberOf } from '../imports/batches.service';
import type { RowReader } from '../imports/kinds/row';
import type { KindColumn } from '../imports/kinds/types';
import { loadOrgResolver } from '../imports/org-resolver';
import { readSheetTable, requireCells } from '../imports/table-sheet';
import { type BatchItem, isForeignKeyError, itemsBackwards, recordTreeBatch, stripErrors, type TreeImportRequest, type TreeImportResult } from '../imports/tree-batches';
import type { SmsSender } from '../otp/sms';
import { resolveGrants } from './users.grants';
import { usernameMessage, usernamePattern } from './users.schemas';

/**
 * `quntuan import users` and the web's 导入用户: accounts from Excel, all or nothing, one batch.
 * Each new account gets a generated one-time password (must be changed at first login), handed
 * back once as a sheet (and by SMS when a provider is configured); only its hash is stored.
 * A username on record with the same unit and roles is a duplicate (nothing changes, no new
 * password); with other grants it is an error. Needs `user.manage` over the root, and every role
 * must be one the importer may hand out there (users.grants.ts).
 */
export const userColumns: readonly KindColumn[] = [
  { key: 'username', header: '用户名', required: true, synonyms: ['登录名', '账号', '用户账号', '登录账号'], text: true, example: 'ms-fl-01', width: 16 },
  { key: 'displayName', header: '姓名', required: true, synonyms: ['真实姓名', '用户姓名'], example: '王丽', width: 12 },
  { key: 'phone', header: '手机', synonyms: ['手机号', '手机号码', '联系电话', '电话'], text: true, example: '13904591234', width: 15 },
  { key: 'roles', header: '角色', required: true, synonyms: ['角色名称', '用户角色', '权限'], example: '工作人员', width: 16 },
  { key: 'orgCode', header: '单位编码', synonyms: ['组织代码', '单位代码', '组织编码', '所属单位编码'], example: 'MS-FL', width: 16 },
  { key: 'orgName', header: '单位名称', synonyms: ['所属单位', '所属组织', '单位', '组织名称'], example: '明水县妇联', width: 22 },
];

export interface Credential {
  username: string;
  displayName: string;
  orgName: string;
  roles: string;
  password: string;
  phone: string | null;
  sms: string;
}

export interface UserImportResult extends TreeImportResult {
  /** the one-time passwords of the accounts created (empty for a dry run or when nothing was written) */
  credentials: Credential[];
  smsSent: number;
}

interface UserRow {
  row: number;
  username: string;
  displayName: string;
  phone: string | null;
  roles: Role[];
  orgId: string;
  orgName: string;
  grants: Grant[];
}

/** A generated password that passes the policy (like a reset's). */
export function oneTimePassword(): string {
  let p = randomPassword(12);
  while (passwordProblem(p)) p = randomPassword(12);
  return p;
}

function readUserRow(r: RowReader, orgs: Awaited<ReturnType<typeof loadOrgResolver>>): Omit<UserRow, 'grants'> {
  requireCells(r, ['username', 'displayName', 'roles']);
  const username = foldWidth(r.text('username') ?? '').trim();
  if (username && !usernamePattern.test(username)) r.fail('username', usernameMessage);
  const displayName = r.text('displayName')?.trim() ?? '';
  if (displayName.length > 50) r.fail('displayName', '姓名不能超过 50 个字符');
  let phone: string | null = null;
  const phoneText = r.text('phone');
  if (phoneText) {
    const p = checkPhone(phoneText);
    if (!p.ok) r.fail('phone', p.message);
    else if (p.kind !== 'mobile') r.fail('phone', '手机应为 11 位手机号码（用于短信发送初始密码）');
    else phone = p.phone;
  }
  let roles: Role[] = [];
  const rolesText = r.text('roles');
  if (rolesText) {
    const parsed = parseRoles(rolesText);
    if (parsed.ok) roles = parsed.roles;
    else r.fail('roles', parsed.message);
  }
  const code = r.text('orgCode');
  const name = r.text('orgName');
  let orgId = orgs.root.id;
  if (code || name) {
    const byCode = code ? orgs.resolve(code) : null;
    const byName = name ? orgs.resolve(name) : null;
    if (byCode && !byCode.ok) r.fail('orgCode', `单位编码“${code}”不存在或不在“${orgs.root.name}”范围内`);
    else if (!byCode && byName && !byName.ok) r.fail('orgName', byName.message);
    else if (byCode?.ok && byName?.ok && byCode.id !== byName.id) r.fail('orgName', `单位名称“${name}”与单位编码“${code}”不是同一个单位`);
    else orgId = (byCode?.ok ? byCode.id : byName?.ok ? byName.id : orgs.root.id) as string;
  }
  return { row: r.row, username, displayName, phone, roles, orgId, orgName: orgs.nameOf(orgId) };
}

export async function importUsers(ctx: Ctx, req: TreeImportRequest & { sms?: SmsSender | null }): Promise<UserImportResult> {
  await assertOrgInScope(ctx, 'user.manage', req.orgId);
  const table = await readSheetTable(req.content, userColumns, shanghaiDate(ctx.now()));
  const headerRow = table.header?.row ?? null;
  const base = { kind: 'users' as const, rows: table.rows.length, warnings: table.warnings, preview: table.preview, credentials: [] as Credential[], smsSent: 0 };
  if (table.headerErrors.length) {
    return { ...base, accepted: 0, rejected: 0, duplicates: 0, created: 0, updated: 0, errors: stripErrors(table.headerErrors), batchId: null, cells: { errors: table.headerErrors, headerRow } };
  }
  const orgs = await loadOrgResolver(ctx, req.orgId);
  const seen = new Map<string, number>();
  const fresh: UserRow[] = [];
  let duplicates = 0;
  for (const r of table.rows) {
    const u = readUserRow(r, orgs);
    const key = u.username.toLowerCase();
    if (key && seen.has(key)) r.fail('username', `用户名“${u.username}”与第 ${seen.get(key)} 行重复`);
    if (key) seen.set(key, seen.get(key) ?? r.row);
    if (r.errors.length) continue;
    const grants = await grantsFor(ctx, r, u);
    if (!grants) continue;
    const state = await onRecord(ctx, u.username, grants);
    if (state === 'other') r.fail('username', `用户名“${u.username}”已被使用（现有账号的单位或角色与本行不同），请换一个用户名`);
    else if (state === 'same') {
      duplicates++;
      const p = table.preview.find((x) => x.row === r.row);
      if (p) p.status = 'duplicate';
    } else fresh.push({ ...u, grants });
  }
  const errors = table.rows.flatMap((r) => r.errors);
  const bad = new Set(errors.map((e) => e.row));
  for (const p of table.preview) if (bad.has(p.row)) p.status = 'error';
  const counts = { ...base, accepted: errors.length ? 0 : fresh.length, rejected: bad.size, duplicates, created: errors.length ? 0 : fresh.length, updated: 0, errors: stripErrors(errors) };
  if (errors.length || req.dryRun || fresh.length === 0) return { ...counts, batchId: null, cells: { errors, headerRow } };

  const passwords = fresh.map(() => oneTimePassword());
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 4) hashes.push(...(await Promise.all(passwords.slice(i, i + 4).map((p) => hashPassword(p)))));
  const batchId = await inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    const items: BatchItem[] = [];
    for (const [i, u] of fresh.entries()) {
      const id = newId();
      await tx.db.insertInto('users').values({ id, username: u.username, display_name: u.displayName, password_hash: hashes[i], disabled: 0, must_change_password: 1, last_login_at: null, created_at: now, updated_at: now }).execute();
      await tx.db.insertInto('user_grants').values(u.grants.map((g) => ({ id: newId(), user_id: id, role: g.role, org_id: g.orgId, created_at: now }))).execute();
      items.push({ entity: 'user', entityId: id, action: 'create' });
    }
    return recordTreeBatch(tx, { kind: 'users', orgId: req.orgId, filename: req.filename, content: req.content, result: counts, items });
  }).catch((e: unknown) => {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('CONFLICT', '导入期间有人同时新增了相同用户名的账号，请重新导入');
    throw e;
  });
  const credentials: Credential[] = fresh.map((u, i) => ({ username: u.username, displayName: u.displayName, orgName: u.orgName, roles: u.roles.map((r) => roleLabels[r]).join('、'), password: passwords[i], phone: u.phone, sms: '' }));
  let smsSent = 0;
  const warnings = [...table.warnings];
  for (const c of credentials) {
    if (!req.sms || !c.phone) continue;
    try {
      await req.sms.send(c.phone, `您的群团工作平台账号已开通：用户名 ${c.username}，初始密码 ${c.password}。首次登录须修改密码，请勿转告他人。`);
      c.sms = '已发送';
      smsSent++;
    } catch {
      c.sms = '发送失败';
      warnings.push(`给 ${c.displayName}（${maskPhone(c.phone)}）的短信发送失败，请把初始密码另行转交`);
    }
  }
  return { ...counts, warnings, batchId, batchNumber: await batchNumberOf(ctx, batchId), credentials, smsSent, cells: { errors: [], headerRow } };
}

/** The row's grants, checked as the user form's are (scope, who may grant what); errors on the row. */
async function grantsFor(ctx: Ctx, r: RowReader, u: Omit<UserRow, 'grants'>): Promise<Grant[] | null> {
  try {
    return await resolveGrants(ctx, u.roles.map((role) => ({ role, orgId: u.orgId })));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const onRole = e.code === 'FORBIDDEN';
    r.fail(onRole ? 'roles' : r.has('orgCode') ? 'orgCode' : 'orgName', e.message);
    return null;
  }
}

async function onRecord(ctx: Ctx, username: string, grants: Grant[]): Promise<'none' | 'same' | 'other'> {
  const user = await ctx.db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  if (!user) return 'none';
  const held = await ctx.db.selectFrom('user_grants').select(['role', 'org_id']).where('user_id', '=', user.id).execute();
  const key = (g: { role: string; orgId: string | null }) => `${g.role}|${g.orgId ?? ''}`;
  const a = new Set(held.map((g) => key({ role: g.role, orgId: g.org_id })));
  const b = new Set(grants.map(key));
  return a.size === b.size && [...b].every((k) => a.has(k)) ? 'same' : 'other';
}

/** The one-time password sheet: 用户名, 姓名, 单位, 角色, 初始密码, 手机 (masked), 短信. */
export async function buildCredentialSheet(credentials: Credential[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('初始密码');
  ws.columns = [
    { header: '用户名', key: 'username', width: 18 },
    { header: '姓名', key: 'displayName', width: 12 },
    { header: '单位', key: 'orgName', width: 26 },
    { header: '角色', key: 'roles', width: 18 },
    { header: '初始密码', key: 'password', width: 18 },
    { header: '手机', key: 'phone', width: 15 },
    { header: '短信', key: 'sms', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of credentials) ws.addRow({ ...c, phone: c.phone ? maskPhone(c.phone) : '' });
  const note = ws.addRow([]);
  note.getCell(1).value = '初始密码只显示这一次；用户首次登录后须修改密码。请妥善保管本表，分发后删除。';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Undoes a users batch: the accounts it created are removed with their grants. Refused when one
 * of them has already signed in (it may have done work since: stop it in 用户管理 instead).
 */
export async function undoUserBatch(ctx: Ctx, batch: { id: string; orgId: string }): Promise<number> {
  orgScope(ctx, 'user.manage');
  await assertOrgInScope(ctx, 'user.manage', batch.orgId).catch(() => {
    throw notFound('导入批次');
  });
  return inTransaction(ctx, async (tx) => {
    const items = await itemsBackwards(tx, batch.id);
    const ids = items.filter((i) => i.entity === 'user' && i.action === 'create').map((i) => i.entityId);
    if (ids.length) {
      const used = await tx.db.selectFrom('users').select('username').where('id', 'in', ids).where('last_login_at', 'is not', null).executeTakeFirst();
      if (used) throw new AppError('CONFLICT', `用户 ${used.username} 已登录使用，不能撤销该批次；如需停用请在用户管理中停用`);
      await tx.db.deleteFrom('sessions').where('user_id', 'in', ids).execute();
      await tx.db.deleteFrom('user_grants').where('user_id', 'in', ids).execute();
      await tx.db.deleteFrom('users').where('id', 'in', ids).execute();
    }
    // the passwords sheet of accounts that no longer exist is not kept either
    await tx.db.withTables<{ import_credentials: { batch_id: string } }>().deleteFrom('import_credentials').where('batch_id', '=', batch.id).execute();
    const now = nowIso(tx);
    const done = await tx.db.updateTable('import_batches').set({ status: 'undone', undone_at: now, undone_by: tx.actor.kind === 'user' ? tx.actor.id : null }).where('id', '=', batch.id).where('status', '=', 'committed').executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该导入批次已撤销');
    await appendAudit(tx, { action: 'undo', entity: 'import_batch', entityId: batch.id, orgId: batch.orgId, detail: { kind: 'users', removed: ids.length } });
    return ids.length;
  }).catch((e: unknown) => {
    if (isForeignKeyError(e)) throw new AppError('CONFLICT', '该批次的用户已有业务记录，不能撤销；如需停用请在用户管理中停用');
    throw e;
  });
}
