import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../domain/roles';
import type { Dialect } from './db/database';
import type { DB } from './db/types';
import type { Crypto } from './security/crypto';

export interface Grant {
  role: Role;
  orgId: string | null; // null: a global sysadmin grant
}

export type Actor =
  | { kind: 'user'; id: string; username: string; displayName: string; grants: Grant[]; sessionId?: string }
  | { kind: 'system'; name: string } // CLI, seed, migrations: acts on the whole tree
  | { kind: 'public' }; // phone pages, no login

/** What every service receives. Services are functions (ctx, input); no DI container. */
export interface Ctx {
  db: Kysely<DB>;
  dialect: Dialect;
  actor: Actor;
  now: () => Date;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
  crypto: Crypto;
  ip: string | null;
}

/** Runs fn in one transaction (or inside the current one). */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'system':
      return `system:${actor.name}`;
    case 'public':
      return 'public';
  }
}

export function nowIso(ctx: Pick<Ctx, 'now'>): string {
  return ctx.now().toISOString();
}
