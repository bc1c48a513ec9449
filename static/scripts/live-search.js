// @ts-check
/**
 * Live results for the search page (/suche), as a small enhancement of the server-rendered page:
 * the page itself ships no framework code (csr = false, the public JavaScript budget of issue 13),
 * only this file. Without it the GET form, the filter checkboxes and the links work as they are.
 *
 * With it, typing (debounced) and every filter or sort change fetch the same page for the new
 * query and swap its result regions in place: the focus stays where it is, the status line stays
 * the same live region (only its text changes, so screen readers announce the new count), and the
 * address bar follows, so the result can be bookmarked and the back button works.
 */
const form = document.getElementById('suche-form');
if (form instanceof HTMLFormElement) enhance(form);

/** @param {HTMLFormElement} form */
function enhance(form) {
  /** The parts of the page that depend on the query (see +page.svelte). */
  const REGIONS = ['suche-fehler', 'suche-inhalt'];
  const DEBOUNCE_MS = 350;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {AbortController | undefined} */
  let pending;

  function target() {
    const params = new URLSearchParams();
    // FormData includes the filter checkboxes outside the form (form="suche-form").
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim() !== '') params.append(name, value);
    }
    const query = params.toString();
    return `${form.getAttribute('action') || location.pathname}${query ? `?${query}` : ''}`;
  }

  /** @param {Document} next */
  function swap(next) {
    const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
    const status = document.querySelector('#suche-inhalt .search-status');
    for (const id of REGIONS) {
      const here = document.getElementById(id);
      const there = next.getElementById(id);
      if (here && there) here.replaceChildren(...there.childNodes);
    }
    // Keep the live region itself, so the new count is announced.
    const fresh = document.querySelector('#suche-inhalt .search-status');
    if (status && fresh && status !== fresh) {
      fresh.replaceWith(status);
      status.textContent = fresh.textContent;
    }
    // The sort options depend on the query ("Relevanz" only with words).
    const sort = document.getElementById('suche-sort');
    const nextSort = next.getElementById('suche-sort');
    if (sort && nextSort && document.activeElement !== sort) sort.replaceChildren(...nextSort.childNodes);
    document.title = next.title;
    // The Atom feed of the search (rel="alternate" in the head) follows it too.
    const feed = 'link[rel="alternate"][type="application/atom+xml"]';
    const nextFeed = next.querySelector(feed)?.getAttribute('href');
    if (nextFeed) document.querySelector(feed)?.setAttribute('href', nextFeed);
    if (focusedId && document.activeElement === document.body) document.getElementById(focusedId)?.focus();
  }

  /** @param {string} url @param {'push' | 'replace' | 'none'} history */
  async function load(url, history) {
    clearTimeout(timer);
    pending?.abort();
    const controller = (pending = new AbortController());
    const results = document.querySelector('.search-results');
    results?.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/html' } });
      const html = await response.text();
      if (controller.signal.aborted) return;
      swap(new DOMParser().parseFromString(html, 'text/html'));
      if (history === 'push') window.history.pushState(null, '', url);
      else if (history === 'replace') window.history.replaceState(null, '', url);
    } catch (error) {
      if (controller.signal.aborted) return;
      // Offline or the server away: the plain page load shows what happened.
      location.assign(url);
    } finally {
      if (pending === controller) document.querySelector('.search-results')?.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load(target(), 'push');
  });
  form.querySelector('input[type="search"]')?.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(target(), 'replace'), DEBOUNCE_MS);
  });
  // Sort and filters: the checkboxes sit outside the form, so listen on the document.
  document.addEventListener('change', (event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement) || field.form !== form) return;
    if (field instanceof HTMLInputElement && field.type === 'search') return;
    void load(target(), 'push');
  });
  window.addEventListener('popstate', () => {
    const box = form.querySelector('input[type="search"]');
    if (box instanceof HTMLInputElement) box.value = new URLSearchParams(location.search).get('q') ?? '';
    void load(location.pathname + location.search, 'none');
  });
  // End-to-end tests wait for this mark before typing (as with hydrated forms, editing/ready.ts).
  form.dataset.ready = '1';
}
