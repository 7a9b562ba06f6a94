import type { Kysely } from 'kysely';

// 公示 names the nominees: each nomination records the consent to publication (本人 or 监护人), who
// recorded it and when, and the public display name (丁梅家庭). Without a recorded consent a nomination
// keeps its masked name and the campaign cannot enter a public stage. The photo is an attachment of
// entity 'nominations'.
// The public vote has its own window: 投票开始/截止 instants (UTC ISO). Whether votes are taken is
// derived from the stage and these instants at every read and vote, so the window opens and closes by
// itself (no timer, the same answer on every server instance).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaign_nominations').addColumn('display_name', 'text').execute();
  await db.schema.alterTable('campaign_nominations').addColumn('publish_consent', 'text').execute();
  await db.schema.alterTable('campaign_nominations').addColumn('consent_recorded_by', 'text').execute();
  await db.schema.alterTable('campaign_nominations').addColumn('consent_recorded_at', 'text').execute();
  await db.schema.alterTable('campaigns').addColumn('voting_starts_at', 'text').execute();
  await db.schema.alterTable('campaigns').addColumn('voting_ends_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').dropColumn('voting_ends_at').execute();
  await db.schema.alterTable('campaigns').dropColumn('voting_starts_at').execute();
  await db.schema.alterTable('campaign_nominations').dropColumn('consent_recorded_at').execute();
  await db.schema.alterTable('campaign_nominations').dropColumn('consent_recorded_by').execute();
  await db.schema.alterTable('campaign_nominations').dropColumn('publish_consent').execute();
  await db.schema.alterTable('campaign_nominations').dropColumn('display_name').execute();
}
