import { buildUnit } from '../../../../test/factories';
import type { TestApp } from '../../../../test/test-app';
import type { App } from '../../http/types';
import { lastOtpCode } from '../otp/otp.routes';

/** Test helpers shared by the selections test files (a county, its townships, campaigns, verified phones). */
export async function countyTree(t: TestApp, tag: string) {
  const county = await buildUnit(t.sys, { code: `${tag}-CO`, name: `${tag}县妇联`, kind: 'womens_federation' });
  const townA = await buildUnit(t.sys, { code: `${tag}-A`, name: `${tag}甲镇妇联`, kind: 'womens_federation', parentId: county.id });
  const townB = await buildUnit(t.sys, { code: `${tag}-B`, name: `${tag}乙镇妇联`, kind: 'womens_federation', parentId: county.id });
  const posts = [];
  for (let i = 1; i <= 4; i++) posts.push(await buildUnit(t.sys, { code: `${tag}-A-P${i}`, name: `${tag}甲镇卫生院巾帼岗${i}`, kind: 'other', parentId: townA.id }));
  const organizer = await t.userWith('staff', county.id, `${tag.toLowerCase()}-org`);
  const staffA = await t.userWith('staff', townA.id, `${tag.toLowerCase()}-a`);
  const staffB = await t.userWith('staff', townB.id, `${tag.toLowerCase()}-b`);
  return { county, townA, townB, posts, organizer, staffA, staffB };
}

export async function call(app: App, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: object | undefined, payload?: object, remoteAddress = '127.0.0.1') {
  const res = await app.inject({ method, url, headers: headers as Record<string, string> | undefined, payload, remoteAddress });
  return { status: res.statusCode, body: res.body ? (res.json() as Record<string, unknown> & { error?: { message: string; details?: { path: string }[] } }) : {}, headers: res.headers };
}

export async function ok<T = Record<string, unknown>>(app: App, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: object | undefined, payload?: object): Promise<T> {
  const r = await call(app, method, url, headers, payload);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/** 投票截止 two months after the test clock's now (a campaign entering 投票 needs a deadline ahead). */
export function votingEnd(t: TestApp, days = 60): string {
  return new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
}

/** A unit campaign moved to the voting stage with `n` accepted nominees (codes 001 …). */
export async function votingCampaign(t: TestApp, tree: Awaited<ReturnType<typeof countyTree>>, rules: Record<string, unknown> = {}, n = 2) {
  const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
    name: '巾帼文明岗评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 4 }], winnersCount: 1, votingEndsAt: votingEnd(t), ...rules,
  });
  for (let i = 0; i < n; i++) {
    await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: tree.posts[i].id, deeds: `服务群众事迹${i}`, consent: 'self' });
  }
  await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'review' });
  const noms = await ok<{ items: { id: string }[] }>(t.app, 'GET', `/api/v1/campaigns/${c.id}/nominations`, tree.organizer.headers);
  for (const x of noms.items) await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations/${x.id}/review`, tree.organizer.headers, { decision: 'accept' });
  await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'voting' });
  return c.id;
}

let phoneSeq = 0;
/** Proves `count` distinct phones through the real OTP endpoints (each from its own address) and returns their vote tokens. */
export async function voterTokens(app: App, count: number, prefix = '137'): Promise<string[]> {
  return (await voters(app, count, prefix)).map((v) => v.token);
}

export async function voters(app: App, count: number, prefix = '137', purpose: 'vote' | 'objection' = 'vote'): Promise<{ phone: string; token: string }[]> {
  const tokens: { phone: string; token: string }[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, () => {
      const k = ++phoneSeq;
      return { phone: `${prefix}${String(k).padStart(8, '0')}`, addr: `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}` };
    });
    await Promise.all(batch.map((b) => call(app, 'POST', '/api/public/otp/send', undefined, { phone: b.phone, purpose }, b.addr)));
    const verified = await Promise.all(batch.map((b) => call(app, 'POST', '/api/public/otp/verify', undefined, { phone: b.phone, purpose, code: lastOtpCode(app, b.phone) }, b.addr)));
    for (const [i, v] of verified.entries()) {
      if (v.status !== 200) throw new Error(`verify → ${v.status} ${JSON.stringify(v.body)}`);
      tokens.push({ phone: batch[i].phone, token: v.body.token as string });
    }
  }
  return tokens;
}

/** Tokens of `count` verified phones for 公示 objections (purpose 'objection'). */
export async function objectorTokens(app: App, count: number, prefix = '136'): Promise<{ phone: string; token: string }[]> {
  return voters(app, count, prefix, 'objection');
}

/** Signs the tree's users in again (sessions last 12 hours; tests that move the clock by days need this). */
export async function refreshLogins(t: TestApp, tree: Awaited<ReturnType<typeof countyTree>>) {
  for (const u of [tree.organizer, tree.staffA, tree.staffB]) {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } });
    if (r.statusCode !== 200) throw new Error(`login ${u.username} → ${r.statusCode}`);
    u.headers.authorization = `Bearer ${r.json().token as string}`;
  }
}
