import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Ctx } from '../context';
import type { Database } from '../db/database';
import type { Crypto } from '../security/crypto';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface AppDeps {
  config: Config;
  database: Database;
  crypto: Crypto;
  /** Injectable clock: tests move time, production uses the wall clock. */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
}
