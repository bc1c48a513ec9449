import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 3000 },
  // The bundler's plugin timing report is noise in every build log.
  build: { rolldownOptions: { checks: { pluginTimings: false } } },
  ssr: {
    // PGlite loads its WebAssembly and extension bundles relative to its own files: never bundle it.
    external: ['@electric-sql/pglite', 'pg'],
  },
});
