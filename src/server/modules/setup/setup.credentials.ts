import { newId } from '../../../domain/ids';
import { type Ctx, nowIso } from '../../context';
import { AppError } from '../../http/errors';

/**
 * The one-time password sheet of a users import, kept sealed (AES-256-GCM, crypto.sealBytes) until
 * the person who imported downloads it, once; it is deleted on download and after the upload hours.
 */
interface CredentialTable {
  id: string;
  batch_id: string;
  created_by: string | null;
  content: Buffer;
  created_at: string;
}

const table = (ctx: Ctx) => ctx.db.withTables<{ import_credentials: CredentialTable }>();
const cutoff = (ctx: Ctx, hours: number) => new Date(ctx.now().getTime() - hours * 3600_000).toISOString();

export async function keepCredentialSheet(ctx: Ctx, batchId: string, sheet: Buffer, hours: number): Promise<string> {
  await table(ctx).deleteFrom('import_credentials').where('created_at', '<', cutoff(ctx, hours)).execute();
  const id = newId();
  await table(ctx)
    .insertInto('import_credentials')
    .values({ id, batch_id: batchId, created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null, content: ctx.crypto.sealBytes(sheet), created_at: nowIso(ctx) })
    .execute();
  return id;
}

/** The sheet, for its importer only, once; 404 when downloaded already, expired or someone else's. */
export async function takeCredentialSheet(ctx: Ctx, id: string, hours: number): Promise<Buffer> {
  const me = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const row = await table(ctx).selectFrom('import_credentials').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.created_by !== me || row.created_at < cutoff(ctx, hours)) {
    throw new AppError('NOT_FOUND', '初始密码表不存在、已下载过或已过期（只能下载一次）；如需新密码，请在用户管理中重置密码');
  }
  const deleted = await table(ctx).deleteFrom('import_credentials').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) throw new AppError('NOT_FOUND', '初始密码表已下载过（只能下载一次）');
  return ctx.crypto.openBytes(Buffer.from(row.content));
}
