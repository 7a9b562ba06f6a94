import type { FastifyServerOptions } from 'fastify';
import { maskIdNumber, maskPhone } from '../../domain/mask';

/** Scrubs ID numbers and mobiles from anything that reaches the log (URLs carry searches). */
export function scrubPii(text: string): string {
  return text
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m));
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.idNumber', '*.phone'],
      censor: '[已隐藏]',
    },
    serializers: {
      req(req: { method: string; url: string; ip?: string }) {
        return { method: req.method, url: scrubPii(decodeURIComponentSafe(req.url)), ip: req.ip };
      },
    },
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
