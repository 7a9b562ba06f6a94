import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * zod's own messages (a wrong type, a body that is not an object, a string past its bound) reach a
 * clerk in Chinese on every route (issue 12, item 5): no "Too big", no "Invalid input".
 */
let t: TestApp;
let admin: { authorization: string };
const english = /[A-Za-z]{3,}/;

beforeAll(async () => {
  t = await createTestApp();
  const unit = await buildUnit(t.sys, { code: 'zm-county', name: '县妇联', kind: 'womens_federation' });
  admin = (await t.userWith('org_admin', unit.id)).headers;
});
afterAll(() => t.close());

describe('zod messages in Chinese', () => {
  it.each(['/api/v1/orgs', '/api/v1/users', '/api/v1/volunteer-teams'])('%s refuses a 101-character search in Chinese', async (url) => {
    const res = await t.app.inject({ method: 'GET', url: `${url}?q=${'张'.repeat(101)}`, headers: admin });
    expect(res.statusCode).toBe(400);
    const { message, details } = res.json().error as { message: string; details: { path: string; message: string }[] };
    expect(details[0]?.path).toBe('q');
    expect(details[0]?.message).not.toMatch(english);
    expect(message.replace(/^q：/, '')).not.toMatch(english);
    expect(details[0]?.message).toMatch(/^不能超过 \d+ 个字$/);
  });

  it.each([
    ['an array', '[1,2]'],
    ['a number', '42'],
    ['a string', '"张三"'],
  ])('refuses %s where an object belongs, in Chinese', async (_what, payload) => {
    for (const url of ['/api/v1/people', '/api/v1/cases', '/api/v1/volunteer-teams']) {
      const res = await t.app.inject({ method: 'POST', url, headers: { ...admin, 'content-type': 'application/json' }, payload });
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      const error = res.json().error as { message: string; details?: { message: string }[] };
      expect(error.message, url).not.toMatch(english);
      for (const d of error.details ?? []) expect(d.message, url).not.toMatch(english);
    }
  });
});
