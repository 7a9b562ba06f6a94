import { type Kysely, sql } from 'kysely';

// 待办 and the daily reminder digest (issue 13 items 1–2). The to-do list itself is never stored: it is
// computed from the records on every request. Stored here are only what a computation cannot give:
// - user_notify_settings: a user's own phone for reminders (encrypted, with its mask) and the opt-out;
// - digest_runs: one row per Shanghai day, the lease an instance takes (atomic insert, or a
//   conditional update of an expired lease) so that one instance of several sends the day's digest;
// - digest_deliveries: one row per (user, day), inserted before the message goes out, so that no
//   user gets the digest twice in a day whatever happens to the lease.
// Index: loans falling due (the 贷款到期 to-do) found by due date among live disbursed loans.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_notify_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('phone_cipher', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('digest_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('digest_runs')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('digest_deliveries')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_deliveries_pk', ['user_id', 'day'])
    .execute();
  await db.schema.createIndex('loans_due_live').on('loans').columns(['due_on', 'status']).where(sql.ref('deleted_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('loans_due_live').execute();
  await db.schema.dropTable('digest_deliveries').execute();
  await db.schema.dropTable('digest_runs').execute();
  await db.schema.dropTable('user_notify_settings').execute();
}
