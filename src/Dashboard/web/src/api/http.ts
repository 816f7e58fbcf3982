// Calls to the hub's API with the browser's session cookie. Writes carry the anti-forgery token the hub hands out
// (GET /api/auth/antiforgery), errors arrive as RFC 9457 problem details and are thrown as ApiError with the
// hub's own words, and a lapsed session sends the browser back to the sign-in page.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title} ${detail}` : title);
  }
}

/** Raised when the hub cannot be reached at all (network down, hub restarting). */
export class OfflineError extends Error {}

let antiforgery: Promise<string> | undefined;

async function antiforgeryToken(): Promise<string> {
  antiforgery ??= fetch('/api/auth/antiforgery', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new ApiError(r.status, 'Could not start a session'))))
    .then((body: { token: string }) => body.token)
    .catch((e: unknown) => {
      antiforgery = undefined;
      throw e;
    });
  return antiforgery;
}

export function signInUrl(): string {
  return `/login?returnUrl=${encodeURIComponent(location.pathname + location.search)}`;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = await antiforgeryToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new OfflineError('The hub cannot be reached. Check the network; the page retries by itself.');
  }

  if (response.status === 401) {
    location.assign(signInUrl());
    throw new ApiError(401, 'Your session ended. Sign in again.');
  }

  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
    if (response.status === 403 && problem.title?.includes('anti-forgery')) antiforgery = undefined;
    throw new ApiError(response.status, problem.title ?? `The hub answered ${response.status}.`, problem.detail);
  }

  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await send('GET', path)).json()) as T;
}

export async function postJson<T>(path: string, body?: unknown): Promise<T | undefined> {
  const response = await send('POST', path, body ?? {});
  return response.status === 204 ? undefined : ((await response.json()) as T);
}

/** A query string from the defined, non-empty values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
