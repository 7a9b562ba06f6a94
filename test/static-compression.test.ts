import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app';

/** The build writes .br/.gz beside each asset (web/precompress.ts); the server sends the one the client accepts. */
let t: TestApp;
const script = `console.log(${JSON.stringify('群团工作平台'.repeat(400))});\n`;
const page = `<html><body>${'公开页面'.repeat(400)}</body></html>`;
beforeAll(async () => {
  const webDir = mkdtempSync(join(tmpdir(), 'qt-web-gz-'));
  mkdirSync(join(webDir, 'assets'));
  mkdirSync(join(webDir, 'p'));
  writeFileSync(join(webDir, 'index.html'), '<html>staff-app</html>');
  for (const [file, text] of [['assets/app.js', script], ['p/index.html', page]] as const) {
    writeFileSync(join(webDir, file), text);
    writeFileSync(join(webDir, `${file}.br`), brotliCompressSync(Buffer.from(text)));
    writeFileSync(join(webDir, `${file}.gz`), gzipSync(Buffer.from(text)));
  }
  t = await createTestApp({ config: { webDir } });
});
afterAll(async () => t.close());

describe('precompressed web assets', () => {
  it('sends brotli, gzip or the plain file as the client accepts', async () => {
    const br = await t.app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);

    const gz = await t.app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await t.app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('sends the public phone page compressed too', async () => {
    const res = await t.app.inject({ url: '/p/wishes', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(page);
  });
});
