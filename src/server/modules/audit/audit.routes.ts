import { z } from 'zod';
import type { App } from '../../http/types';
import { listAudit } from './audit.query';

const listQuery = z.object({
  entity: z.string().optional(),
  entityId: z.string().optional(),
  action: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function registerAuditRoutes(app: App): void {
  app.get('/api/v1/audit', { schema: { tags: ['audit'], summary: '审计日志（本辖区）', querystring: listQuery } }, async (req) =>
    listAudit(req.ctx, req.query),
  );
}
