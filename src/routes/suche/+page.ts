// The server renders the results; live results come from the small static/scripts/live-search.js
// instead of the framework's client (the 30 KB budget of public pages; tests/e2e/js-budget.spec.ts).
export const csr = false;
