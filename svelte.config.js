import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build' }),
    // CSRF: SvelteKit refuses cross-site form posts by checking the Origin header (on by default).
    // Content Security Policy: nothing is loaded from third parties (privacy, offline use);
    // SvelteKit adds hashes of its own inline scripts: hashes, not nonces, so that a rendered page
    // can be served again from the page cache (a nonce must never be used twice).
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
  },
};

export default config;
