import { sql } from 'kysely';
import { z } from 'zod';
import type { App, AppDeps } from '../../http/types';

export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), time: z.string() }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.database.db);
      return { status: 'ok' as const, db: deps.database.dialect, time: deps.now().toISOString() };
    },
  );
}
