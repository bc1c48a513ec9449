import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build' }),
    // CSRF: SvelteKit refuses cross-site form posts by checking the Origin header (on by default).
  },
};

export default config;
