/** The previous / next hrefs of page `page` of `pages` (null where there is none), for PageNav. */
export function pageLinks(page: number, pages: number, href: (page: number) => string): { prevHref: string | null; nextHref: string | null } {
  return { prevHref: page > 1 ? href(page - 1) : null, nextHref: page < pages ? href(page + 1) : null };
}
