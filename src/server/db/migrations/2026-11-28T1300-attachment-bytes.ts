import { type Kysely, PostgresAdapter } from 'kysely';

// Attachment bytes live in the database, not on a server's disk: no state outside the DB, so two
// server instances on one PostgreSQL serve the same files and a backup carries them.
export async function up(db: Kysely<any>): Promise<void> {
  const type = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema.alterTable('attachments').addColumn('content', type).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').dropColumn('content').execute();
}
