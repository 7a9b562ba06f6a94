import { makeIdNumber, type Gender } from '../src/domain/id-number';
import { newId } from '../src/domain/ids';
import type { OrgKind, OrgLevel } from '../src/domain/org';
import type { Role } from '../src/domain/roles';
import type { Ctx } from '../src/server/context';
import { createOrg } from '../src/server/modules/orgs/orgs.service';
import { createPerson } from '../src/server/modules/people/people.service';
import { hashPassword } from '../src/server/security/passwords';

let seq = 0;

/** Builds a unit through the real service (closure rows, audit entry). */
export async function buildUnit(
  ctx: Ctx,
  opts: { code?: string; name?: string; kind?: OrgKind; level?: OrgLevel; parentId?: string; divisionCode?: string; establishedOn?: string } = {},
) {
  const n = ++seq;
  return createOrg(ctx, {
    code: opts.code ?? `T${n}-${newId().slice(-6)}`,
    name: opts.name ?? `测试组织${n}`,
    kind: opts.kind ?? 'other',
    level: opts.level,
    parentId: opts.parentId,
    divisionCode: opts.divisionCode,
    establishedOn: opts.establishedOn,
  });
}

/** A valid, unique ID number; area defaults to 林甸县 (230623). */
export function buildIdNumber(opts: { area?: string; birthDate?: string; gender?: Gender } = {}): string {
  const n = ++seq;
  const birth = opts.birthDate ?? `19${70 + (n % 30)}-0${1 + (n % 9)}-1${n % 10}`;
  return makeIdNumber(opts.area ?? '230623', birth, (n * 7) % 1000, opts.gender ?? (n % 2 ? '男' : '女'));
}

const testPassword = 'Test-password-2026';
let cachedHash: Promise<string> | null = null;

export async function createTestUser(ctx: Ctx, opts: { username: string; role: Role; orgId: string | null }) {
  cachedHash ??= hashPassword(testPassword);
  const id = newId();
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('users')
    .values({ id, username: opts.username, display_name: opts.username, password_hash: await cachedHash, created_at: now, updated_at: now })
    .execute();
  await ctx.db.insertInto('user_grants').values({ id: newId(), user_id: id, role: opts.role, org_id: opts.orgId, created_at: now }).execute();
  return { id, username: opts.username, password: testPassword };
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const given = ['秀英', '桂兰', '建国', '志强', '丽娟', '海燕', '明', '静', '伟', '芳', '军', '红梅'];

/** Registers a person through the real service (encryption, blind index, unit link, audit entry). */
export async function buildPerson(
  ctx: Ctx,
  opts: { orgId: string; name?: string; idNumber?: string; phone?: string; address?: string; categories?: string[]; gender?: Gender; birthDate?: string },
) {
  const n = ++seq;
  return createPerson(ctx, {
    orgId: opts.orgId,
    name: opts.name ?? `${surnames[n % surnames.length]}${given[n % given.length]}`,
    idNumber: opts.idNumber ?? buildIdNumber({ gender: opts.gender, birthDate: opts.birthDate }),
    phone: opts.phone,
    address: opts.address,
    categories: opts.categories,
  });
}
