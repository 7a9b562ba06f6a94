import { z } from 'zod';
import { csrfCookie, sessionCookie } from '../../http/auth';
import { enforceRateLimit } from '../../http/rate-limit';
import type { App, AppDeps } from '../../http/types';
import { describeMe, login, logout } from './auth.service';

const loginInput = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256),
});

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  app.post('/api/v1/auth/login', { schema: { tags: ['auth'], summary: '登录', security: [], body: loginInput } }, async (req, reply) => {
    // all login attempts from one address, failed or not, are also capped per minute
    await enforceRateLimit(req.ctx.db, `login:ip:${req.ip}`, 60, 60, deps.now());
    const result = await login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? null }, deps.config.sessionHours);
    // maxAge (relative), not expires: a browser whose clock differs from the server's keeps the cookie
    // Secure whenever the request came over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto)
    const cookieOpts = { path: '/', sameSite: 'strict' as const, secure: req.protocol === 'https', maxAge: Math.round(deps.config.sessionHours * 3600) };
    void reply.setCookie(sessionCookie, result.token, { ...cookieOpts, httpOnly: true });
    void reply.setCookie(csrfCookie, result.csrfToken, { ...cookieOpts, httpOnly: false });
    return result;
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    await logout(req.ctx);
    void reply.clearCookie(sessionCookie, { path: '/', sameSite: 'strict', secure: req.protocol === 'https' });
    void reply.clearCookie(csrfCookie, { path: '/', sameSite: 'strict', secure: req.protocol === 'https' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => describeMe(req.ctx));
}
