import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '../../../domain/ids';
import type { Ctx } from '../../context';
import { inTransaction, nowIso } from '../../context';
import { randomPassword } from '../../security/crypto';
import { hashPassword } from '../../security/passwords';
import { appendAudit } from '../audit/audit.service';

/**
 * First start: creates `admin` (a global sysadmin). The password comes from QUNTUAN_ADMIN_PASSWORD,
 * or is random, printed once and written to data/initial-admin-password.txt (mode 600).
 * There is no built-in default password.
 */
export async function ensureAdmin(
  ctx: Ctx,
  opts: { password: string | undefined; dataDir: string; print: (line: string) => void },
): Promise<'created' | 'exists'> {
  const existing = await ctx.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing) return 'exists';
  const password = opts.password ?? randomPassword(20);
  const hash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = nowIso(tx);
    await tx.db
      .insertInto('users')
      .values({ id, username: 'admin', display_name: '系统管理员', password_hash: hash, must_change_password: 1, created_at: now, updated_at: now })
      .execute();
    await tx.db.insertInto('user_grants').values({ id: newId(), user_id: id, role: 'sysadmin', org_id: null, created_at: now }).execute();
    await appendAudit(tx, { action: 'create', entity: 'user', entityId: id, detail: { username: 'admin', role: 'sysadmin', source: opts.password ? 'QUNTUAN_ADMIN_PASSWORD' : 'random' } });
  });
  if (!opts.password) {
    mkdirSync(opts.dataDir, { recursive: true });
    const file = join(opts.dataDir, 'initial-admin-password.txt');
    writeFileSync(file, `admin\n${password}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    opts.print(`已创建管理员 admin，初始密码：${password}（同时写入 ${file}，请登录后妥善保管）`);
  }
  return 'created';
}
