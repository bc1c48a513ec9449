// Reading only: server-rendered, no JavaScript.
export const csr = false;
