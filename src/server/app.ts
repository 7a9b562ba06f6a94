import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import '../domain/zod-zh';
import { authenticate } from './http/auth';
import { refuseControlChars } from './http/control-chars';
import { errorHandler, frameworkError } from './http/error-handler';
import { AppError } from './http/errors';
import { loggerOptions } from './http/logging';
import { securityHeaders } from './http/security-headers';
import type { App, AppDeps } from './http/types';
import { registerRoutes } from './routes';

export type { AppDeps } from './http/types';

/** Builds the whole HTTP application; tests build the same app on their own database and clock. */
export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config.logLevel),
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    frameworkErrors: frameworkError,
    logController: new LogController({ disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace' }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: '群团工作平台 Quntuan API', version: '1.0.0', description: '县级群团工作平台接口。除 /api/public 与登录外，均需 Bearer 令牌或会话 Cookie。' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (req, reply) => {
    req.ctx = {
      db: deps.database.db,
      dialect: deps.database.dialect,
      actor: { kind: 'public' },
      now: deps.now,
      log: req.log,
      crypto: deps.crypto,
      ip: req.ip ?? null,
    };
    await securityHeaders(req, reply);
    // every API answer says the server's time: the web keeps its business clock in step with it
    if (req.url.startsWith('/api/')) void reply.header('x-server-time', deps.now().toISOString());
  });
  const auth = authenticate(deps);
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (path.startsWith('/api/v1/') && path !== '/api/v1/auth/login') await auth(req, reply);
  });

  app.addHook('preValidation', refuseControlChars);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerRoutes(app, deps);
  await serveWeb(app, deps);
  return app;
}

/** QUNTUAN_TRUST_PROXY as Fastify takes it: a hop count trusts that many proxies in front of the server. */
function trustProxyOption(v: false | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof v === 'number' ? (_address, hop) => hop < v : v;
}

async function serveWeb(app: App, deps: AppDeps): Promise<void> {
  const root = resolve(deps.config.webDir);
  const built = existsSync(resolve(root, 'index.html'));
  // a build made before the public bundle existed has no p/index.html: fall back to the staff app's page
  const publicPage = existsSync(resolve(root, 'p', 'index.html')) ? 'p/index.html' : 'index.html';
  if (built) await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h', preCompressed: true });
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0];
    if (path.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send(new AppError('NOT_FOUND', `接口不存在：${req.method} ${path}`).toJSON());
    }
    if (!built) {
      return reply.status(503).type('text/html; charset=utf-8').send('<p>网页尚未构建，请运行 <code>npm run build</code>。</p>');
    }
    // the public phone pages (/p/…) are their own small page; every other route loads the staff app
    const page = path === '/p' || path.startsWith('/p/') ? publicPage : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });
}
