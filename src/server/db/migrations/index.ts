import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T0900-foundation';

/** Every migration, keyed by its date-prefixed name; order is the key's order. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T0900-foundation': foundation,
};
