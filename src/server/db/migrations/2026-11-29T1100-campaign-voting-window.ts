import type { Kysely } from 'kysely';

// When a campaign's public vote opened and closed (the stage moves into and out of 投票). The anomaly
// view measures bursts against the vote's whole window: 300 votes in one minute of a vote open for
// three days stand out even when no other minute has a vote. Campaigns voting before this change
// have nulls; their window is taken from the first vote to the last (or to now while voting).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('voting_opened_at', 'text').execute();
  await db.schema.alterTable('campaigns').addColumn('voting_closed_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').dropColumn('voting_closed_at').execute();
  await db.schema.alterTable('campaigns').dropColumn('voting_opened_at').execute();
}
