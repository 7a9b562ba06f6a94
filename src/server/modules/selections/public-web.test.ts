import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';

/** `/` serves the staff app's page, `/p/…` the public phone bundle's own page (SPA fallback for both). */
let t: TestApp;
beforeAll(async () => {
  const webDir = mkdtempSync(join(tmpdir(), 'qt-web-'));
  mkdirSync(join(webDir, 'p'));
  writeFileSync(join(webDir, 'index.html'), '<html>staff-app</html>');
  writeFileSync(join(webDir, 'p', 'index.html'), '<html>public-bundle</html>');
  t = await createTestApp({ config: { webDir } });
});
afterAll(async () => t.close());

describe('static pages', () => {
  it('serves the public bundle under /p/ and the staff app elsewhere', async () => {
    for (const url of ['/p', '/p/', '/p/campaigns/0193abc', '/p/wishes?unit=1']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('public-bundle');
    }
    for (const url of ['/', '/people', '/campaigns/1', '/pages']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('staff-app');
    }
    expect((await t.app.inject({ url: '/api/public/nothing' })).statusCode).toBe(404);
  });
});
