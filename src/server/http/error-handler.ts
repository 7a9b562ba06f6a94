import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors';

function fieldPath(instancePath: string, params: unknown): string {
  const p = instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = (params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path;
  return p || (Array.isArray(missing) ? missing.join('.') : '');
}

/** One handler maps every error to the contract's shape; unknown errors become a bare 500. */
export function errorHandler(error: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.code === 'RATE_LIMITED') {
      const wait = error.details?.find((d) => d.path === 'retryAfter')?.message;
      if (wait) void reply.header('retry-after', wait);
    }
    return reply.status(error.status).send(error.toJSON());
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({ path: fieldPath(v.instancePath, v.params), message: v.message ?? '格式不正确' }));
    const first = details[0];
    const message = first ? `${first.path ? `${first.path}：` : ''}${first.message}` : '请求数据有误';
    return reply.status(400).send(new AppError('VALIDATION', message, details).toJSON());
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send(new AppError('TOO_LARGE', '提交的数据过大').toJSON());
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe.code)) {
    return reply.status(400).send(new AppError('VALIDATION', '请求格式不正确（需要 JSON）').toJSON());
  }
  if (fe.statusCode === 429) return reply.status(429).send(new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试').toJSON());
  req.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(new AppError('INTERNAL', '服务器内部错误，请稍后重试').toJSON());
}

/**
 * Errors Fastify's router raises before any hook or handler runs (a path segment that is not valid
 * percent-encoding, a path parameter past the router's length limit): the same shape, in Chinese.
 */
export function frameworkError(error: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return reply.status(414).send(new AppError('TOO_LARGE', '网址中的参数过长，请核对链接').toJSON());
  if (error.code === 'FST_ERR_BAD_URL') return reply.status(400).send(new AppError('VALIDATION', '网址中含有无效的字符，请核对链接').toJSON());
  return reply.status(400).send(new AppError('VALIDATION', '请求格式不正确').toJSON());
}
