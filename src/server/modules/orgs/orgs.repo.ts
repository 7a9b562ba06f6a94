import { type Kysely, sql } from 'kysely';
import type { DB, OrgUnitTable } from '../../db/types';

/** Kysely queries for units and the closure table; no rules here. */
export async function insertUnit(db: Kysely<DB>, row: Omit<OrgUnitTable, 'sort_order'>): Promise<void> {
  await db.insertInto('org_units').values(row).execute();
  await db.insertInto('org_closure').values({ ancestor_id: row.id, descendant_id: row.id, depth: 0 }).execute();
  if (row.parent_id) {
    await db
      .insertInto('org_closure')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('org_closure')
          .select(['ancestor_id', sql.lit(row.id).as('descendant_id'), sql<number>`depth + 1`.as('depth')])
          .where('descendant_id', '=', row.parent_id as string),
      )
      .execute();
  }
}

/** Moves a subtree under a new parent: drops links from outside ancestors, adds the new ones. */
export async function moveSubtree(db: Kysely<DB>, unitId: string, newParentId: string | null): Promise<void> {
  await db
    .deleteFrom('org_closure')
    .where('descendant_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', unitId))
    .where('ancestor_id', 'not in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', unitId))
    .execute();
  if (newParentId) {
    await db
      .insertInto('org_closure')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('org_closure as a')
          .innerJoin('org_closure as d', (j) => j.onTrue())
          .select(['a.ancestor_id', 'd.descendant_id', sql<number>`a.depth + d.depth + 1`.as('depth')])
          .where('a.descendant_id', '=', newParentId)
          .where('d.ancestor_id', '=', unitId),
      )
      .execute();
  }
  await db.updateTable('org_units').set({ parent_id: newParentId }).where('id', '=', unitId).execute();
}

export async function isInSubtree(db: Kysely<DB>, ancestorId: string, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_closure')
    .select('depth')
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', unitId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function ancestorsOf(db: Kysely<DB>, unitId: string) {
  return db
    .selectFrom('org_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.ancestor_id')
    .select(['u.id', 'u.name', 'u.code', 'c.depth'])
    .where('c.descendant_id', '=', unitId)
    .orderBy('c.depth', 'desc')
    .execute();
}
