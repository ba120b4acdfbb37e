// The typed API client: every path, parameter and answer comes from the API's OpenAPI document
// (schema.d.ts, generated). The bearer token is added here and nowhere else.
import createClient, { type Middleware } from 'openapi-fetch';
import { getToken, signOut } from '../auth/token.ts';
import { ApiError } from './errors.ts';
import type { components, paths } from './schema.d.ts';

export type Schemas = components['schemas'];

const auth: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** The data of an answer, or an ApiError carrying the problem document; a 401 signs the person out. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = (error ?? {}) as {
    code?: string;
    detail?: string;
    errors?: { path: string; message: string }[];
    state?: string;
  };
  if (response.status === 401) signOut();
  throw new ApiError(
    response.status,
    problem.code ?? 'INTERNAL',
    problem.detail ?? response.statusText,
    problem.errors ?? [],
    problem.state,
  );
}
