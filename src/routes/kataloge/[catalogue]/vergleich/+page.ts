// Reading only: the server renders everything and links and forms work as they are, so the page
// ships no JavaScript (the 30 KB budget of public pages; tests/e2e/js-budget.spec.ts).
export const csr = false;
