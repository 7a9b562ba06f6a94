import type { Kysely } from 'kysely';

// Selections: a nomination can be withdrawn (撤回推荐: reason, who, when; the row is kept with status
// 'withdrawn'), and a 公示 objection names a verified phone: its keyed hash (the public token's
// pseudonymous id, never the phone) and the masked form the organizer sees, plus an optional name.
// Objections filed before this change have none of these (nulls).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaign_nominations').addColumn('withdraw_reason', 'text').execute();
  await db.schema.alterTable('campaign_nominations').addColumn('withdrawn_by', 'text').execute();
  await db.schema.alterTable('campaign_nominations').addColumn('withdrawn_at', 'text').execute();
  await db.schema.alterTable('campaign_objections').addColumn('objector_hash', 'text').execute();
  await db.schema.alterTable('campaign_objections').addColumn('phone_masked', 'text').execute();
  await db.schema.alterTable('campaign_objections').addColumn('objector_name', 'text').execute();
  await db.schema.createIndex('campaign_objections_objector').on('campaign_objections').columns(['objector_hash', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('campaign_objections_objector').execute();
  for (const c of ['objector_name', 'phone_masked', 'objector_hash']) await db.schema.alterTable('campaign_objections').dropColumn(c).execute();
  for (const c of ['withdrawn_at', 'withdrawn_by', 'withdraw_reason']) await db.schema.alterTable('campaign_nominations').dropColumn(c).execute();
}
