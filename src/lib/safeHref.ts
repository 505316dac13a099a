/**
 * A feed's source URL if it is safe to link to. Feeds are untrusted: a `javascript:` or
 * `data:` URL in an href would run code on click, so only http(s) links are kept.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
