import { sql } from 'kysely';
import { z } from 'zod';
import { shanghaiDate } from '../../../domain/dates';
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

  // The business clock of the web pages: county office PCs and phones often have wrong clocks, so the
  // web takes "now" and "today" (Asia/Shanghai) from the server, never from the browser.
  app.get(
    '/api/clock',
    {
      schema: {
        tags: ['system'],
        summary: '服务器时间（业务日期，Asia/Shanghai）',
        security: [],
        response: { 200: z.object({ now: z.string(), today: z.string(), timeZone: z.literal('Asia/Shanghai') }) },
      },
    },
    async () => {
      const now = deps.now();
      return { now: now.toISOString(), today: shanghaiDate(now), timeZone: 'Asia/Shanghai' as const };
    },
  );
}
