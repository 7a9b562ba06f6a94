import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Money is integer 分; a 32-bit integer ends at 21,474,836.47 元, below a county's yearly loan book.
// PostgreSQL's `integer` is 32-bit, so every money column becomes `bigint` there (the domain's upper
// bound, moneyMaxFen in domain/money.ts, stays within Number.MAX_SAFE_INTEGER, and database.ts reads
// int8 back as a number). SQLite's INTEGER is already 64-bit: nothing to do there.
const moneyColumns: Array<[table: string, column: string]> = [
  ['assistance', 'amount_fen'],
  ['loans', 'principal_fen'],
  ['loans', 'subsidy_fen'],
  ['loan_repayments', 'amount_fen'],
  ['wishes', 'value_fen'],
  ['wish_settings', 'value_cap_fen'],
];

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of moneyColumns) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type bigint`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of moneyColumns) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type integer`.execute(db);
  }
}
