import { readFileSync } from 'node:fs';

const appSource = new URL('../../packages/web/src/app.tsx', import.meta.url);

/** The signed-out pages, which a signed-in visitor is only sent away from. */
const signedOut = new Set(['/setup', '/signin', '/signup']);

/** Every page path the web app routes to when signed in, read from its route table (`<Route path="…">`),
 *  as patterns with their :parameters, e.g. /teams/:name. Pages added later are found without edits here. */
export function webRoutePatterns(): string[] {
  const source = readFileSync(appSource, 'utf8');
  const paths = [...source.matchAll(/<Route\b[^>]*?\bpath=["'{]([^"'}]+)["'}]/g)].map((m) => m[1]);
  const patterns = paths.filter((p) => p !== '*' && !p.startsWith('path')).map((p) => (p.startsWith('/') ? p : `/${p}`));
  return [...new Set(patterns)].filter((p) => !signedOut.has(p));
}

/** The parameter names of a pattern, in order. */
export function routeParams(pattern: string): string[] {
  return [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]);
}

/** A pattern with its parameters filled in. */
export function fillRoute(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name]));
}
