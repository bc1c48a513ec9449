import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build' }),
    // Every form works without JavaScript; SvelteKit checks the Origin header of form posts (CSRF).
    csrf: { checkOrigin: true },
  },
};

export default config;
