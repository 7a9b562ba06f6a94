import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The audit chain becomes keyed: each entry's hash is an HMAC under a key derived from QUNTUAN_SECRET,
// so someone holding only the database can no longer recompute the chain after an edit.
// `audit_head.scheme` records which hash the chain uses: an empty chain starts keyed; an existing one
// is marked 'sha256' here and re-keyed once by the application right after migrating (a migration
// never sees the secret; see modules/audit/audit.rekey.ts), which audits the re-key as an entry.
// The append-only trigger lets exactly that re-key through: while the head says 'rekeying' (inside
// the re-key's own transaction) only prev_hash and hash of a row may change. DELETE stays refused.
const keyedColumns = ['seq', 'id', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'org_id', 'ip', 'detail'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('scheme', 'text', (c) => c.notNull().defaultTo('sha256')).execute();
  await db.updateTable('audit_head').set({ scheme: 'hmac-sha256-v1' }).where('seq', '=', 0).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const same = keyedColumns.map((c) => `NEW.${c} IS NOT DISTINCT FROM OLD.${c}`).join(' AND ');
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND (SELECT scheme FROM audit_head WHERE id = 1) = 'rekeying' AND ${same} THEN RETURN NEW; END IF;
          RAISE EXCEPTION 'audit_log is append-only';
        END; $$ LANGUAGE plpgsql`,
      )
      .execute(db);
  } else {
    const same = keyedColumns.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
    await sql`DROP TRIGGER audit_log_no_update`.execute(db);
    await sql
      .raw(
        `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN NOT ((SELECT scheme FROM audit_head WHERE id = 1) IS 'rekeying' AND ${same})
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('the keyed audit chain cannot be reverted to plain hashes');
}
