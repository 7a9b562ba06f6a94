import type { FastifyReply, FastifyRequest } from 'fastify';

// antd renders CSS-in-JS, hence style-src 'unsafe-inline'; scripts only from our origin.
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export async function securityHeaders(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('x-frame-options', 'DENY');
  void reply.header('referrer-policy', 'no-referrer');
  void reply.header('cross-origin-opener-policy', 'same-origin');
  void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  // swagger-ui sets its own CSP for its inline scripts
  if (!req.url.startsWith('/api/docs')) void reply.header('content-security-policy', csp);
  if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
}
