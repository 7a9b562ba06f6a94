import type { Kysely } from 'kysely';

// 通知公告: a unit's notice to units below it. The recipients are resolved to units when the notice is
// published and stored one row per unit (read, 签收 and 催办 per unit); a draft keeps the choice
// (whole subtree, kinds of unit, or chosen units) as JSON. Instants ISO-8601 UTC, dates YYYY-MM-DD.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id')) // the sending unit
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull()) // sanitized (domain/notices/rich-text.ts)
    .addColumn('need_sign', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text') // 签收截止日期
    .addColumn('recipient_mode', 'text', (c) => c.notNull()) // subtree | kinds | units
    .addColumn('recipient_kinds', 'text') // JSON list of unit kinds
    .addColumn('recipient_org_ids', 'text') // JSON list of unit ids
    .addColumn('status', 'text', (c) => c.notNull()) // draft | published | withdrawn
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('last_reminded_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_org_created').on('notices').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('notice_recipients')
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'text') // user id
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'text') // user id
    .addColumn('reminded_at', 'text')
    .addColumn('remind_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('notice_recipients_pk', ['notice_id', 'org_id'])
    .execute();
  await db.schema.createIndex('notice_recipients_org').on('notice_recipients').columns(['org_id', 'notice_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_recipients').execute();
  await db.schema.dropTable('notices').execute();
}
