import { defineConfig } from 'vite';

// Quarkus (Quinoa) serves dist/ in production; in dev, Quinoa proxies to this server,
// and when run alone (npm run dev) this server proxies the API and the sockets to Quarkus.
const server = 'http://localhost:8080';

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/ws': { target: server, changeOrigin: true, ws: true },
    },
  },
});
