import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/** Where `npm run dev` runs the API server; the Vite dev server forwards server paths to it. */
const API_ORIGIN = 'http://127.0.0.1:3000';

// Anchored patterns rather than plain prefixes: a bare '/dev' key would also swallow a page path
// such as '/devices' and send it to the API instead of the app.
const SERVER_PATHS = ['api', 'healthz', 'readyz', 'dev'];

// Vite serves the app's own modules by their path under src/web, so src/web/api/client.ts is
// requested as /api/client.ts. Such module requests stay with Vite (no API route ends in .ts).
function keepAppModules(request: IncomingMessage): string | undefined {
  const url = request.url ?? '';
  return /^[^?#]*\.tsx?(?:[?#]|$)/.test(url) ? url : undefined;
}

// `ws`: the workshop chat's WebSocket (/api/v1/chat/live) goes to the API server too.
const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  SERVER_PATHS.map((name) => [
    `^/${name}(?:[/?#]|$)`,
    { target: API_ORIGIN, bypass: keepAppModules, ws: true },
  ]),
);

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than app code; in their own chunks they stay cached
        // across deploys (the server marks /assets/ immutable).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
