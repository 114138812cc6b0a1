/** Turns a mailed link into a path on this portal, so it opens here. */
export function localLink(link: string): string {
  try {
    const url = new URL(link, window.location.origin);
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return link;
  }
}
