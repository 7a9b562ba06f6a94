import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfMatches, findSession } from '../modules/auth/auth.service';
import { AppError } from './errors';
import { enforceRateLimit } from './rate-limit';
import type { AppDeps } from './types';

export const sessionCookie = 'qt_session';
export const csrfCookie = 'qt_csrf';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// After an administrator's password reset only these calls work until the user sets their own.
const allowedBeforePasswordChange = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout']);

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1] : null;
}

/**
 * Resolves the caller of every /api/v1 request (except login) from a Bearer token or the
 * httpOnly session cookie. Cookie-authenticated writes must echo the CSRF token in a header.
 */
export function authenticate(deps: AppDeps) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const headerToken = bearer(req);
    const token = headerToken ?? req.cookies[sessionCookie] ?? null;
    if (!token) throw new AppError('UNAUTHENTICATED', '请先登录');
    const found = await findSession(req.ctx.db, token, deps.now());
    if (!found) throw new AppError('UNAUTHENTICATED', '登录已过期或无效，请重新登录');
    if (!headerToken && !safeMethods.has(req.method)) {
      const presented = req.headers['x-csrf-token'];
      if (!csrfMatches(found.csrfHash, typeof presented === 'string' ? presented : undefined)) {
        throw new AppError('FORBIDDEN', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
      }
    }
    if (found.mustChangePassword && !allowedBeforePasswordChange.has(req.url.split('?')[0])) {
      throw new AppError('FORBIDDEN', '请先修改密码：初始密码或管理员设置的密码须由本人改为自己的密码后才能继续使用', [{ path: 'password', message: '请先修改密码' }]);
    }
    // per-user request budget, counted in the database so every server instance shares it
    await enforceRateLimit(req.ctx.db, `api:user:${found.actor.id}`, deps.config.apiRatePerMinute, 60, deps.now());
    req.ctx = { ...req.ctx, actor: found.actor };
  };
}
