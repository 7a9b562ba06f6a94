import type { Kysely } from 'kysely';

// A confidential case's files (家庭暴力, 困境儿童) are sealed: bytes and filename encrypted with the
// personal-data key, so the database file alone does not show a victim's photos or their names.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').addColumn('sealed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').dropColumn('sealed').execute();
}
