import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 3000 },
  ssr: {
    // PGlite loads its WebAssembly and extension bundles relative to its own files: never bundle it.
    external: ['@electric-sql/pglite', 'pg'],
  },
});
