import type { Kysely } from 'kysely';

// 微心愿 (issue 12 item 13): where a donor brings the gift — the unit's delivery point (full address,
// contact phone, opening hours), part of the per-unit settings its subtree inherits — and the name a
// donor chose for the thank-you (null = 匿名). The donor's phone is still never stored in clear.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wish_settings').addColumn('delivery_address', 'text').execute();
  await db.schema.alterTable('wish_settings').addColumn('delivery_phone', 'text').execute();
  await db.schema.alterTable('wish_settings').addColumn('delivery_hours', 'text').execute();
  await db.schema.alterTable('wish_claims').addColumn('donor_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wish_claims').dropColumn('donor_name').execute();
  await db.schema.alterTable('wish_settings').dropColumn('delivery_hours').execute();
  await db.schema.alterTable('wish_settings').dropColumn('delivery_phone').execute();
  await db.schema.alterTable('wish_settings').dropColumn('delivery_address').execute();
}
