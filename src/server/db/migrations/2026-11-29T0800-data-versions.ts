import { type Kysely, PostgresAdapter, sql } from 'kysely';

// A version number per watched table, bumped by the database itself on every write (SQLite: a row
// trigger per event; PostgreSQL: one statement trigger), whoever writes: the app, an import, a
// restore, another instance. List totals are cached against these numbers (src/server/db/count-cache.ts),
// so a repeated count is answered without counting and a write anywhere makes the next count exact.

/** Tables whose writes change a cached total. */
export const versionedTables = ['people', 'person_orgs', 'person_categories', 'org_closure'] as const;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION bump_data_version() RETURNS trigger AS $$
      BEGIN UPDATE data_versions SET version = version + 1 WHERE name = TG_TABLE_NAME; RETURN NULL; END;
      $$ LANGUAGE plpgsql`.execute(db);
  }
  await watchTables(db, versionedTables);
}

/** Starts counting writes to `tables` (a row in data_versions and the triggers that move it); later migrations add tables with it. */
export async function watchTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  await db.insertInto('data_versions').values(tables.map((name) => ({ name, version: 0 }))).execute();
  for (const t of tables) {
    if (isPostgres(db)) {
      await sql`CREATE TRIGGER ${sql.raw(`${t}_data_version`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(t)}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`.execute(db);
      continue;
    }
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.raw(`${t}_data_version_${event.toLowerCase()}`)} AFTER ${sql.raw(event)} ON ${sql.table(t)}
        BEGIN UPDATE data_versions SET version = version + 1 WHERE name = ${sql.lit(t)}; END`.execute(db);
    }
  }
}

/** Stops counting writes to `tables`. */
export async function unwatchTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const t of tables) {
    if (isPostgres(db)) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${t}_data_version`)} ON ${sql.table(t)}`.execute(db);
    else for (const e of ['insert', 'update', 'delete']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${t}_data_version_${e}`)}`.execute(db);
  }
  await db.deleteFrom('data_versions').where('name', 'in', [...tables]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await unwatchTables(db, versionedTables);
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS bump_data_version()`.execute(db);
  await db.schema.dropTable('data_versions').execute();
}
