import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stored issue comment, shaped like the REST API's. */
export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; id: number; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
}

export interface RecordedGitHubRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  status: number;
  authorization: string | undefined;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:{port}`: GITHUB_API_URL. */
  url: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL (already has a query string, as the runner's does). */
  idTokenUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string;
  /** The token the workflow passes as `github-token`. */
  token: string;
  /** The last ID token issued ('' before the first). */
  readonly idToken: string;
  /** Every ID token issued, for leak checks. */
  idTokens: string[];
  isIssuedIdToken(token: string): boolean;
  comments: FakeComment[];
  requests: RecordedGitHubRequest[];
  /** `read` makes comment writes answer 403 like a read-only GITHUB_TOKEN. */
  setPermissions(permissions: { comments: 'write' | 'read' }): void;
  /** Plants a comment (a human's, or a copy of our marker by someone else). */
  addComment(issue: number, body: string, user?: Partial<FakeComment['user']>): FakeComment;
  /** Comment writes (POST/PATCH) so far. */
  writes(): RecordedGitHubRequest[];
  stop(): Promise<void>;
}

export const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as const };

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': randomUUID(), ...headers });
  response.end(text);
  return status;
}

function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      try {
        resolve(chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

/**
 * GitHub on 127.0.0.1: the Actions OIDC token endpoint and the issue-comment REST endpoints
 * the action uses (list with Link-header pagination, create, update), comments in memory.
 */
export async function startFakeGitHub(options: { repository?: string } = {}): Promise<FakeGitHub> {
  const repository = options.repository ?? 'octo-org/octo-repo';
  const requestToken = `oidc-request-${randomBytes(12).toString('hex')}`;
  const token = `ghs_${randomBytes(18).toString('hex')}`;
  const comments: FakeComment[] = [];
  const requests: RecordedGitHubRequest[] = [];
  const idTokens: string[] = [];
  let canWrite = true;
  let nextId = 1_000_001;
  let url = '';

  const addComment = (issue: number, body: string, user: Partial<FakeComment['user']> = BOT): FakeComment => {
    const at = new Date().toISOString();
    const comment: FakeComment = { id: nextId++, issue, body, user: { ...BOT, ...user }, created_at: at, updated_at: at };
    comments.push(comment);
    return comment;
  };
  const view = (c: FakeComment) => ({
    ...c,
    issue_url: `${url}/repos/${repository}/issues/${c.issue}`,
    html_url: `https://github.com/${repository}/pull/${c.issue}#issuecomment-${c.id}`,
    author_association: 'NONE',
  });

  function issueIdToken(audience: string): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: 'https://token.actions.githubusercontent.com',
      aud: audience,
      sub: `repo:${repository}:ref:refs/heads/main`,
      repository,
      iat: now,
      nbf: now,
      exp: now + 300,
      jti: randomUUID(),
    };
    const jwt = [
      base64url({ alg: 'RS256', typ: 'JWT', kid: 'fake-github' }),
      base64url(claims),
      randomBytes(64).toString('base64url'),
    ].join('.');
    idTokens.push(jwt);
    return jwt;
  }

  async function handle(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<number> {
    const auth = request.headers.authorization ?? '';
    if (request.method === 'GET' && path === '/_services/token') {
      if (auth !== `Bearer ${requestToken}`) return send(response, 401, { message: 'Unauthorized' });
      return send(response, 200, {
        count: 1,
        value: issueIdToken(query.get('audience') ?? `https://github.com/${repository.split('/')[0]}`),
      });
    }
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`)
      return send(response, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const list = new RegExp(`^/repos/${repository}/issues/(\\d+)/comments$`).exec(path);
    const single = new RegExp(`^/repos/${repository}/issues/comments/(\\d+)$`).exec(path);
    const forbidden = () =>
      send(response, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments',
        status: '403',
      });
    if (list && request.method === 'GET') {
      const issue = Number(list[1]);
      const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? '30') || 30));
      const pageNo = Math.max(1, Number(query.get('page') ?? '1') || 1);
      const all = comments.filter((c) => c.issue === issue);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string) => `<${url}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = pageNo < last ? [link(pageNo + 1, 'next'), link(last, 'last')] : [];
      if (pageNo > 1) links.unshift(link(pageNo - 1, 'prev'), link(1, 'first'));
      return send(
        response,
        200,
        all.slice((pageNo - 1) * perPage, pageNo * perPage).map(view),
        links.length ? { link: links.join(', ') } : {},
      );
    }
    if (list && request.method === 'POST') {
      if (!canWrite) return forbidden();
      const { body } = await readJson(request);
      if (typeof body !== 'string' || body === '')
        return send(response, 422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing_field' }] });
      return send(response, 201, view(addComment(Number(list[1]), body)));
    }
    if (single && request.method === 'PATCH') {
      if (!canWrite) return forbidden();
      const comment = comments.find((c) => c.id === Number(single[1]));
      if (!comment) return send(response, 404, { message: 'Not Found' });
      const { body } = await readJson(request);
      if (typeof body !== 'string' || body === '') return send(response, 422, { message: 'Validation Failed' });
      Object.assign(comment, { body, updated_at: new Date().toISOString() });
      return send(response, 200, view(comment));
    }
    return send(response, 404, { message: `Not Found (the fake GitHub does not serve ${request.method} ${path})` });
  }

  const server = createServer((request, response) => {
    const parsed = new URL(request.url ?? '/', 'http://127.0.0.1');
    const record: RecordedGitHubRequest = {
      method: request.method ?? 'GET',
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      status: 0,
      authorization: request.headers.authorization,
    };
    requests.push(record);
    handle(request, response, parsed.pathname, parsed.searchParams).then(
      (status) => (record.status = status),
      (error: unknown) => (record.status = send(response, 500, { message: String(error) })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    idTokenUrl: `${url}/_services/token?api-version=2.0`,
    requestToken,
    token,
    get idToken() {
      return idTokens.at(-1) ?? '';
    },
    idTokens,
    isIssuedIdToken: (t) => idTokens.includes(t),
    comments,
    requests,
    setPermissions: (p) => {
      canWrite = p.comments === 'write';
    },
    addComment,
    writes: () => requests.filter((r) => (r.method === 'POST' || r.method === 'PATCH') && r.path.includes('/comments')),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
