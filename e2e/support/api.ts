import type { Page } from 'playwright-core';

export type ApiResponse = { status: number; body: unknown };

/** A request with this browser's session (and its CSRF token), as a script of the team would send it. */
export async function apiCall(page: Page, method: string, path: string, body?: unknown, ifMatch?: number): Promise<ApiResponse> {
  return page.evaluate(
    async ({ method, path, body, ifMatch }) => {
      const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
      const headers: Record<string, string> = { 'x-csrf-token': csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
      const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body, ifMatch },
  );
}

/** Registers a production service owned by a team over the API, with the page's session. */
export function registerComponent(page: Page, name: string, owner: string): Promise<ApiResponse> {
  return apiCall(page, 'POST', '/api/v1/catalog/entities', { kind: 'Component', name, owner, lifecycle: 'production', type: 'service' });
}
