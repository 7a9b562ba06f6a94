import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * Control characters never belong in what a clerk types: NUL cannot even be stored by PostgreSQL
 * (text is UTF-8 without U+0000), and the others (C0 except tab and line breaks, DEL, C1) are
 * invisible garbage pasted from other systems that would break exports, searches and 公文 output.
 * They are refused at the boundary, for every string of the path, the query and the JSON body
 * (object keys included), with the field named. Path segments and query values are single-line:
 * there tab and line breaks are refused too.
 */
const inText = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const inLine = /[\u0000-\u001F\u007F-\u009F]/;

type Where = 'params' | 'query' | 'body';
const whereName: Record<Where, string> = { params: '路径参数', query: '查询参数', body: '提交内容' };

function describe(ch: string): string {
  const code = ch.charCodeAt(0);
  return code === 0 ? 'NUL（空字符）' : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first string under `value` holding a refused character: its dotted path and the character. */
export function findControlChar(value: unknown, pattern: RegExp, path: string, depth = 0): { path: string; char: string } | null {
  if (typeof value === 'string') {
    const m = pattern.exec(value);
    return m ? { path, char: m[0] } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 64 || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlChar(value[i], pattern, path ? `${path}.${i}` : String(i), depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const keyHit = pattern.exec(key);
    if (keyHit) return { path: path ? `${path}.${key}` : key, char: keyHit[0] };
    const hit = findControlChar(v, pattern, path ? `${path}.${key}` : key, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** preValidation hook for /api/ routes: 400 VALIDATION naming the field that holds a control character. */
export async function refuseControlChars(req: FastifyRequest): Promise<void> {
  if (!req.url.startsWith('/api/')) return;
  const parts: Array<[Where, unknown, RegExp]> = [
    ['params', req.params, inLine],
    ['query', req.query, inLine],
    ['body', req.body, inText],
  ];
  for (const [where, value, pattern] of parts) {
    const hit = findControlChar(value, pattern, '');
    if (!hit) continue;
    const field = hit.path || where;
    const message = `${whereName[where]}“${field}”含有不可见的控制字符 ${describe(hit.char)}，请删除后重新提交`;
    throw new AppError('VALIDATION', message, [{ path: field, message }]);
  }
}
