import { randomUUID } from 'node:crypto';
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from 'fauxqs';

/** A running S3-compatible server on loopback. */
export interface S3TestServer {
  /** `http://127.0.0.1:{port}`: point S3 clients here (path-style). */
  endpoint: string;
  stop(): Promise<void>;
}

interface Upstream {
  host: string;
  port: number;
  agent: Agent;
}

interface Buffered {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'expect', 'upgrade', 'proxy-connection']);

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(upstream: Upstream, method: string, path: string, headers: IncomingHttpHeaders, body?: Buffer): Promise<Buffered> {
  const outgoing: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) outgoing[name] = value;
  }
  if (body) outgoing['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request({ host: upstream.host, port: upstream.port, method, path, headers: outgoing, agent: upstream.agent }, (res) => {
      readAll(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function s3Error(status: number, code: string, message: string, resource: string, extra = ''): Buffered {
  const id = randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase();
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `${extra}<Resource>${resource}</Resource><RequestId>${id}</RequestId><HostId>${id}</HostId></Error>`;
  return { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': id }, body: Buffer.from(xml) };
}

const normalizeEtag = (etag: string) => etag.trim().replace(/^W\//, '').replaceAll('"', '');

/**
 * Answers a conditional PUT the way S3 does: 412 PreconditionFailed when `If-None-Match: *`
 * meets an existing key or `If-Match` a different ETag, 404 NoSuchKey when `If-Match`
 * names a key that does not exist. `undefined` means the write may proceed.
 */
async function refuse(upstream: Upstream, path: string, headers: IncomingHttpHeaders): Promise<Buffered | undefined> {
  const ifNoneMatch = headers['if-none-match'];
  const ifMatch = headers['if-match'];
  if (ifNoneMatch === undefined && ifMatch === undefined) return undefined;
  const head = await forward(upstream, 'HEAD', path, { host: headers.host ?? '' });
  const exists = head.status === 200;
  const etag = typeof head.headers.etag === 'string' ? normalizeEtag(head.headers.etag) : undefined;
  const failed = (condition: string) =>
    s3Error(
      412,
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      path,
      `<Condition>${condition}</Condition>`,
    );
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*') return s3Error(501, 'NotImplemented', 'If-None-Match only accepts *', path);
    if (exists) return failed('If-None-Match');
  }
  if (ifMatch !== undefined) {
    if (!exists) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', path, `<Key>${path}</Key>`);
    if (normalizeEtag(ifMatch) !== etag) return failed('If-Match');
  }
  return undefined;
}

/** Serialises the check-then-write of each key, so two conditional writers can never both pass the check. */
class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const tail = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => tail);
    this.tails.set(key, chained);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === chained) this.tails.delete(key);
    }
  }
}

/**
 * Starts fauxqs (an S3 emulator) on 127.0.0.1 behind a small proxy, also on 127.0.0.1, that
 * enforces S3's conditional writes (fauxqs 2.4.1 ignores `If-None-Match`/`If-Match` on PUT).
 * Every object PUT and DELETE goes through a per-key lock so the check and the write are
 * atomic; everything else is forwarded untouched.
 */
export async function startS3Server(): Promise<S3TestServer> {
  const app = buildApp({ logger: false });
  // fauxqs's own startFauxqs() binds 0.0.0.0; listening ourselves keeps it on loopback.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const upstreamAddress = app.server.address() as AddressInfo;
  const upstream: Upstream = { host: '127.0.0.1', port: upstreamAddress.port, agent: new Agent({ keepAlive: true }) };
  const mutex = new KeyedMutex();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const body = await readAll(req);
    const isObjectWrite = (method === 'PUT' || method === 'DELETE') && /^\/[^/]+\/.+/.test(path);
    const answer = isObjectWrite
      ? await mutex.run(
          decodeURIComponent(path),
          async () => (await refuse(upstream, path, req.headers)) ?? forward(upstream, method, url, req.headers, body),
        )
      : await forward(upstream, method, url, req.headers, body);
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    res.writeHead(answer.status, headers);
    res.end(method === 'HEAD' ? undefined : answer.body);
  };

  const proxy = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = proxy.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      });
      upstream.agent.destroy();
      await app.close();
    },
  };
}
