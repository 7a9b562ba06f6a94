import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// with its extension: Vite's native config loader (its future default) resolves no extension-less import
import { precompress } from './precompress.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // two pages: the staff app (/) and the public phone pages (/p/…), which share no code but React
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        p: fileURLToPath(new URL('./p/index.html', import.meta.url)),
      },
    },
    // antd's shared chunk is large by nature; the login route itself stays small
    chunkSizeWarningLimit: 900,
  },
  server: {
    // the web imports the shared rules from ../src/domain
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
