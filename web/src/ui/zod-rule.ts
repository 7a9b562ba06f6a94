import type { FormRule } from 'antd';
import type { z } from 'zod';

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** '' and blank text count as "not filled" for the optional fields of the shared rules. */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * An antd rule running the shared zod rule of one field (src/domain/ledgers/inputs.ts), so the
 * clerk sees exactly the message the server and the importer would give.
 */
export function zodFieldRule(schema: AnyObject, field: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const s = schema.shape[field] as z.ZodType | undefined;
      if (!s) return;
      const v = blankToUndefined(value);
      const r = s.safeParse(v);
      if (r.success) return;
      let msg = r.error.issues[0]?.message ?? '填写有误';
      // an empty required field: prefer the rule's "为必填项" over "应为文字"
      if (v === undefined && !msg.includes('必填')) {
        const blank = s.safeParse('');
        const m = blank.success ? undefined : blank.error.issues[0]?.message;
        if (m?.includes('必填')) msg = m;
      }
      throw new Error(msg);
    },
  };
}

export type FieldErrors = { name: (string | number)[]; errors: string[] }[];

/** The whole-record check (cross-field rules included) as antd field errors. */
export function zodFormErrors(schema: z.ZodType, input: unknown): FieldErrors | null {
  const r = schema.safeParse(input);
  if (r.success) return null;
  const map = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const i of r.error.issues) {
    const name = i.path.length ? i.path.map((p) => (typeof p === 'number' ? p : String(p))) : ['_form'];
    const key = JSON.stringify(name);
    const e = map.get(key) ?? { name, errors: [] };
    e.errors.push(i.message);
    map.set(key, e);
  }
  return [...map.values()];
}

/** Form values → request body: blank text dropped, text trimmed, arrays and numbers kept. */
export function cleanValues(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null) continue;
    if (typeof x === 'string') {
      if (x.trim() !== '') out[k] = x.trim();
    } else out[k] = x;
  }
  return out;
}
