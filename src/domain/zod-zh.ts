import { z } from 'zod';

/**
 * zod's own messages, for a check that carries no rule-specific message (a wrong type, an array
 * where an object belongs, a string past its bound), in Simplified Chinese a clerk can read: users
 * are county staff. zod's zh-CN locale still names types in English ("期望 string <=100 字符",
 * "期望 object，实际接收 数组"), so the commonest issues are worded here and the locale covers the
 * rest. Imported for its effect once by each entry point (server app, CLI runtime, staff web,
 * phone pages); z.config is global.
 */
const typeNames: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', bigint: '整数', boolean: '是或否', object: '一组字段（对象）', array: '列表',
  date: '日期', null: '空值', undefined: '未填写', nan: '非数字', symbol: '符号', function: '函数', file: '文件', map: '映射', set: '集合',
};
const received = (input: unknown): string => {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'number' && Number.isNaN(input)) return '非数字';
  return typeNames[typeof input] ?? '其他内容';
};

function bound(origin: string, limit: number | bigint, big: boolean, inclusive: boolean | undefined): string | undefined {
  const n = String(limit);
  switch (origin) {
    case 'string':
      return big ? `不能超过 ${inclusive === false ? Number(limit) - 1 : n} 个字` : `至少 ${inclusive === false ? Number(limit) + 1 : n} 个字`;
    case 'number':
    case 'int':
    case 'bigint':
      return big ? (inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`) : inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`;
    case 'array':
    case 'set':
      return big ? `最多 ${n} 项` : `至少 ${n} 项`;
    case 'file':
      return big ? `文件不能超过 ${n} 字节` : `文件至少 ${n} 字节`;
    default:
      return undefined;
  }
}

z.config(z.locales.zhCN());
z.config({
  customError: (iss) => {
    if (iss.code === 'invalid_type') {
      if (iss.input === undefined) return '必填';
      return `格式不正确：应为${typeNames[iss.expected] ?? iss.expected}，收到的是${received(iss.input)}`;
    }
    if (iss.code === 'too_big') return bound(iss.origin, iss.maximum, true, iss.inclusive);
    if (iss.code === 'too_small') return bound(iss.origin, iss.minimum, false, iss.inclusive);
    return undefined;
  },
});
