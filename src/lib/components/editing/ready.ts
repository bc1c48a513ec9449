/**
 * `use:ready` marks a form once the page is hydrated (`data-ready`). Values typed before
 * hydration can be overwritten by it, so end-to-end tests wait for the mark before typing.
 */
export function ready(node: HTMLElement): void {
  node.dataset.ready = '1';
}
