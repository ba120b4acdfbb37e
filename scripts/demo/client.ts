// A small typed HTTP client for the seed: JSON in and out, dev tokens per person, problem documents
// turned into errors that say what went wrong, and polling until a case reaches a state.
import type { Role } from '../../workflows/common/actors.js';

/** A person of the demo city; `sub` is built the way the console's development sign-in builds it. */
export interface Person {
  role: Role;
  /** The agency chosen at sign-in (also for bureau roles, where the token carries no agency claim). */
  agency: string | null;
  name: string;
}

const agencyRoles: Role[] = ['agency_staff', 'agency_reviewer'];

/** console/src/auth/SignInPage.tsx: `${role}:${agency ?? 'none'}:${name}`. */
/** The id the console's development sign-in gives this person: the agency counts for agency roles only. */
export const subOf = (p: Person): string =>
  `${p.role}:${(p.role === 'agency_staff' || p.role === 'agency_reviewer') && p.agency ? p.agency : 'none'}:${p.name}`;

/** A failure the seed cannot go on from; the message is meant for the person running it. */
export class SeedError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SeedError';
  }
}

interface Problem {
  status?: number;
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses answered without throwing (besides 2xx). */
  allow?: number[];
}

export class Api {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly baseUrl: string) {}

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        const body = options.body !== undefined ? { body: JSON.stringify(options.body) } : {};
        res = await fetch(this.baseUrl + path, { method, headers, ...body });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new SeedError(
          `无法连接 ${this.baseUrl}（${cause?.code ?? cause?.message ?? (error as Error).message}）。` +
            '请先在另一个终端运行 npm start，或用 SHUZHI_URL / 第一个参数指定地址。',
        );
      }
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      // The API limits requests per minute per address: wait as it says, then try again.
      if (res.status === 429 && attempt < 5) {
        const seconds = Number(res.headers.get('retry-after')) || 10;
        await sleep(Math.min(seconds, 60) * 1000);
        continue;
      }
      if (res.ok || options.allow?.includes(res.status)) return { status: res.status, body: body as T };
      throw problemError(method, path, res.status, body);
    }
  }

  get<T = any>(path: string, token: string, allow?: number[]) {
    return this.call<T>('GET', path, { token, ...(allow ? { allow } : {}) });
  }

  async post<T = any>(path: string, token: string, body: unknown, headers?: Record<string, string>): Promise<T> {
    return (await this.call<T>('POST', path, { token, body, ...(headers ? { headers } : {}) })).body;
  }

  /** Every item of a paginated list. */
  async all<T = any>(path: string, token: string): Promise<T[]> {
    const items: T[] = [];
    const sep = path.includes('?') ? '&' : '?';
    let cursor: string | null = null;
    do {
      const more: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { items: T[]; nextCursor: string | null } = (await this.get(`${path}${sep}limit=200${more}`, token))
        .body;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /** A development token for the person (POST /api/v1/dev/tokens), minted once per run. */
  token(p: Person): Promise<string> {
    const sub = subOf(p);
    let token = this.tokens.get(sub);
    if (!token) {
      token = this.mint(p);
      this.tokens.set(sub, token);
    }
    return token;
  }

  private async mint(p: Person): Promise<string> {
    // As the console signs in: the agency claim only for agency roles.
    const agency = p.agency && agencyRoles.includes(p.role) ? { agency: p.agency } : {};
    const body = { sub: subOf(p), roles: [p.role], name: p.name, ...agency };
    const res = await this.call<{ token: string }>('POST', '/api/v1/dev/tokens', { body, allow: [404] });
    if (res.status === 404) {
      throw new SeedError(
        `${this.baseUrl} 没有开发令牌接口（POST /api/v1/dev/tokens 返回 404）：演示数据只能写入开发环境（AUTH_MODE=dev），` +
          '请用 npm start 启动的开发栈运行本脚本。',
      );
    }
    return res.body.token;
  }
}

function problemError(method: string, path: string, status: number, body: unknown): SeedError {
  const p = (typeof body === 'object' && body ? body : {}) as Problem;
  const detail = p.detail ?? (typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body));
  const fields = p.errors?.length ? `（${p.errors.map((e) => `${e.path}: ${e.message}`).join('；')}）` : '';
  return new SeedError(
    `${method} ${path} → ${status}${p.code ? ` ${p.code}` : ''}: ${detail}${fields}`,
    status,
    p.code,
  );
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until `ok` holds; an asynchronous step (a workflow moving on) is awaited, not slept over. */
export async function waitFor<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) {
      const last = value as { state?: string; body?: { state?: string } };
      throw new SeedError(`等待超时：${what}（最后的状态：${last?.state ?? last?.body?.state ?? '未知'}）`);
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
}
