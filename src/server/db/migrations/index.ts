import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T0900-foundation';
import * as people from './2026-11-28T1000-people';
import * as ledgers from './2026-11-28T1100-ledgers';

/** Every migration, keyed by its date-prefixed name; order is the key's order. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T0900-foundation': foundation,
  '2026-11-28T1000-people': people,
  '2026-11-28T1100-ledgers': ledgers,
};
