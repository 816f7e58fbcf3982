import { defineConfig } from 'vitest/config';

// The hub serves the built files from its wwwroot (the MSBuild target in IotService.Dashboard.csproj copies them).
// `npm run dev` proxies the API and the live hub to a hub started with ./run.sh on its default port.
const hub = 'http://127.0.0.1:5080';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': hub,
      '/login': hub,
      '/logout': hub,
      '/hubs': { target: hub, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
