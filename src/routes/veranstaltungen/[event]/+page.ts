// Reading only, filters are a GET form: the page ships no JavaScript.
export const csr = false;
