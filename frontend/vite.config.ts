/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from 'vite';

// Quarkus (Quinoa) serves dist/ in production; in dev, Quinoa proxies to this server,
// and when run alone (npm run dev) this server proxies the API and the sockets to Quarkus
// (SITROOM_BACKEND=http://127.0.0.1:8099 npm run dev for a server on another port).
export default defineConfig(({ mode }) => {
  const server = loadEnv(mode, '.', 'SITROOM_').SITROOM_BACKEND || 'http://localhost:8080';
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: true,
    },
    // Unit tests only; the end-to-end tests in e2e/ run with node --test (e2e/run.mjs).
    test: {
      include: ['src/**/*.test.ts'],
    },
    server: {
      port: 5173,
      strictPort: true,
      proxy: {
        '/api': { target: server, changeOrigin: true },
        '/ws': { target: server, changeOrigin: true, ws: true },
      },
    },
  };
});
