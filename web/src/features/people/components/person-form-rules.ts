import type { FormRule as Rule } from 'antd';
import { normalizeIdNumber } from '../../../../../src/domain/id-number';
import { personInput } from '../../../../../src/domain/person';
import type { CreatePersonBody, Person, UpdatePersonBody } from '../api';

/** What the form holds; every text field may be undefined or '' while being edited. */
export interface PersonFormValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  ethnicity?: string;
  address?: string;
  categories?: string[];
  orgId?: string;
  note?: string;
}

export const personFields = ['name', 'idNumber', 'phone', 'ethnicity', 'address', 'categories', 'orgId', 'note'] as const;
type Field = (typeof personFields)[number];
type Schema = ReturnType<typeof personInput>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * An antd rule that runs the server's own zod rule for one field, so the clerk sees exactly the
 * message the server would send (GB 11643 checks for the ID number included).
 */
export function zodRule(schema: Schema, field: Field): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const input = field === 'name' || field === 'idNumber' ? (value ?? undefined) : blankToUndefined(value);
      const r = schema.shape[field].safeParse(input);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '填写有误');
    },
  };
}

export type FieldErrors = { name: Field; errors: string[] }[];

function issuesToFields(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const map = new Map<Field, string[]>();
  for (const i of issues) {
    const f = String(i.path[0] ?? '') as Field;
    if (!(personFields as readonly string[]).includes(f)) continue;
    map.set(f, [...(map.get(f) ?? []), i.message]);
  }
  return [...map].map(([name, errors]) => ({ name, errors }));
}

function cleaned(v: PersonFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of personFields) {
    const x = v[f];
    if (Array.isArray(x)) out[f] = x;
    else if (typeof x === 'string' && x.trim() !== '') out[f] = x;
  }
  return out;
}

/** Checks the whole form with the shared schema and builds the POST body. */
export function buildCreateBody(schema: Schema, v: PersonFormValues): { body: CreatePersonBody } | { errors: FieldErrors } {
  const input = cleaned(v);
  if (typeof input.idNumber === 'string') input.idNumber = normalizeIdNumber(input.idNumber);
  const r = schema.safeParse(input);
  if (!r.success) return { errors: issuesToFields(r.error.issues) };
  const d = r.data;
  const body: CreatePersonBody = { name: d.name, idNumber: d.idNumber };
  if (d.phone) body.phone = d.phone;
  if (d.ethnicity) body.ethnicity = d.ethnicity;
  if (d.address) body.address = d.address;
  if (d.categories?.length) body.categories = d.categories;
  if (d.orgId) body.orgId = d.orgId;
  if (d.note) body.note = d.note;
  return { body };
}

/** The form's starting values for an existing person; masked values are left out, not edited. */
export function initialValues(p: Person): PersonFormValues {
  return {
    name: p.name,
    phone: p.masked ? undefined : (p.phone ?? undefined),
    ethnicity: p.ethnicity ?? undefined,
    address: p.masked ? undefined : (p.address ?? undefined),
    categories: p.categories,
    orgId: p.orgId ?? undefined,
    note: p.note ?? undefined,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Checks the form (without the ID number, which cannot change) and builds a PATCH of what changed. */
export function buildUpdateBody(schema: Schema, start: PersonFormValues, v: PersonFormValues): { body: UpdatePersonBody } | { errors: FieldErrors } {
  const input = cleaned(v);
  const r = schema.omit({ idNumber: true }).safeParse(input);
  if (!r.success) return { errors: issuesToFields(r.error.issues) };
  const d = r.data;
  const body: UpdatePersonBody = {};
  if (!same(d.name, start.name)) body.name = d.name;
  // a cleared optional field is sent as null so the server clears it
  for (const f of ['phone', 'ethnicity', 'address', 'note'] as const) {
    const now = d[f] || undefined;
    if (!same(now, start[f] || undefined)) body[f] = now ?? null;
  }
  if (!same(d.categories ?? [], start.categories ?? [])) body.categories = d.categories ?? [];
  if (d.orgId && d.orgId !== start.orgId) body.orgId = d.orgId;
  return { body };
}
