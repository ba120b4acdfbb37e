// The console (数治控制台) build: served by the API under /console/, one chunk per page.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  resolve: {
    // The glossary lives with the processes, whose notifications use the same words.
    alias: {
      '@glossary': fileURLToPath(new URL('../workflows/common/glossary.ts', import.meta.url)),
      // The 身份证号 / 统一社会信用代码 check characters, the same functions the API validates with.
      '@identifiers': fileURLToPath(new URL('../lib/identifiers.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // bench/console-bundle.ts reads it to weigh what each page loads first.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
