// Any origin will do: it only lets URL resolve a relative path and shows whether it escaped.
const PROBE_ORIGIN = 'https://keyfob.invalid';

function hasControlCharacter(value: string): boolean {
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The `?next=` path to return to after signing in, or undefined when it is not a path on this
 * site. `next` comes from a URL anyone can craft, so following it blindly would make the sign-in
 * page an open redirect: `//evil.example` and `/\evil.example` are other sites to a browser, and
 * browsers drop tabs and newlines inside URLs, so those are refused before URL sees them.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  if (value.includes('\\') || hasControlCharacter(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  // Coming back to the sign-in page after signing in would loop.
  if (url.pathname === '/login') return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
