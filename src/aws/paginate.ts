/** Upper bound of pages for one listing; far above any real account, it only stops a looping token. */
export const MAX_PAGES = 10_000;

/**
 * Follows a token-paginated listing to the end. `fetch` gets the previous page's token
 * (undefined first) and returns the page's items and the next token.
 * @throws Error when the service repeats a token (which would loop forever).
 */
export async function collectPages<T>(
  operation: string,
  fetch: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, next } = await fetch(token);
    if (items) all.push(...items);
    if (next === undefined || next === '') return all;
    if (seen.has(next)) throw new Error(`${operation} returned a page token it had already returned; stopping to avoid a loop`);
    seen.add(next);
    token = next;
  }
  throw new Error(`${operation} returned more than ${MAX_PAGES} pages`);
}
