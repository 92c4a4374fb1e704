import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

/** An artifact as the fake results service received it. */
export interface ReceivedArtifact {
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** The uploaded blob (the zip), once its block list is committed. */
  blob?: Buffer;
  /** What FinalizeArtifact said: the size and `sha256:` hash of the blob. */
  finalized?: { size: number; hash?: string };
  id: number;
}

export interface FakeResults {
  /** `http://127.0.0.1:{port}/`: the job's `ACTIONS_RESULTS_URL`. */
  url: string;
  /** The job's `ACTIONS_RUNTIME_TOKEN`: a JWT whose `scp` claim names the run's and job's backend ids. */
  runtimeToken: string;
  backendIds: { workflowRunBackendId: string; workflowJobRunBackendId: string };
  artifacts: ReceivedArtifact[];
  /** Every request, as `METHOD path` (the blob's signature left out), in order. */
  requests: string[];
  stop(): Promise<void>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A runtime token shaped as the runner's: @actions/artifact decodes it (without verifying) and
 * reads the backend ids from the `Actions.Results:{run}:{job}` scope of its `scp` claim.
 */
function runtimeTokenFor(ids: FakeResults['backendIds']): string {
  const scp = `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${ids.workflowRunBackendId}:${ids.workflowJobRunBackendId}`;
  return [base64url({ typ: 'JWT', alg: 'RS256' }), base64url({ scp, exp: 4_102_444_800 }), 'fake-signature'].join('.');
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function twirpError(response: ServerResponse, status: number, code: string, msg: string): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, msg }));
}

/**
 * The Actions results service on 127.0.0.1, as @actions/artifact v6 uses it to upload: Twirp
 * JSON `CreateArtifact` (answered with a signed upload URL on this same server), the zip put to
 * that URL as Azure block blob blocks and a block list, then `FinalizeArtifact`. It checks the
 * bearer token and the backend ids, and refuses a second artifact of the same name in a run, as
 * GitHub does.
 */
export async function startFakeResults(): Promise<FakeResults> {
  const backendIds = {
    workflowRunBackendId: 'b6a1b3a2-0000-4000-8000-00000000e2e1',
    workflowJobRunBackendId: 'c7b2c4b3-0000-4000-8000-00000000e2e2',
  };
  const runtimeToken = runtimeTokenFor(backendIds);
  const artifacts: ReceivedArtifact[] = [];
  const requests: string[] = [];
  const blocks = new Map<string, Map<string, Buffer>>();
  let port = 0;

  const twirp = async (method: string, input: Record<string, unknown>, response: ServerResponse) => {
    if (
      input.workflow_run_backend_id !== backendIds.workflowRunBackendId ||
      input.workflow_job_run_backend_id !== backendIds.workflowJobRunBackendId
    )
      return twirpError(response, 400, 'invalid_argument', 'unknown workflow run or job backend id');
    const name = String(input.name ?? '');
    const existing = artifacts.find((a) => a.name === name);
    if (method === 'CreateArtifact') {
      if (existing) return twirpError(response, 409, 'already_exists', `an artifact with this name already exists on the workflow run`);
      artifacts.push({ name, ...backendIds, id: 7000 + artifacts.length });
      const blobPath = `/devstoreaccount1/actions-results/${backendIds.workflowRunBackendId}/${encodeURIComponent(name)}.zip`;
      const signed = `http://127.0.0.1:${port}${blobPath}?sv=2024-01-01&sig=fake-blob-signature`;
      return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, signed_upload_url: signed }));
    }
    if (method === 'FinalizeArtifact') {
      if (!existing?.blob) return twirpError(response, 404, 'not_found', 'no uploaded blob for this artifact');
      const hash = (input.hash as string | undefined) ?? undefined;
      existing.finalized = { size: Number(input.size), ...(hash === undefined ? {} : { hash }) };
      return response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, artifact_id: String(existing.id) }));
    }
    return twirpError(response, 404, 'bad_route', `no handler for ${method}`);
  };

  // Azure's Put Block and Put Block List, as BlockBlobClient.uploadStream sends them.
  const blob = (url: URL, body: Buffer, response: ServerResponse) => {
    if (url.searchParams.get('sig') !== 'fake-blob-signature') return response.writeHead(403).end();
    const path = decodeURIComponent(url.pathname);
    const staged = blocks.get(path) ?? new Map<string, Buffer>();
    blocks.set(path, staged);
    const headers = { 'x-ms-request-id': createHash('sha1').update(url.href).digest('hex'), 'x-ms-version': '2024-01-01' };
    if (url.searchParams.get('comp') === 'block') {
      staged.set(url.searchParams.get('blockid') ?? '', body);
      return response.writeHead(201, headers).end();
    }
    if (url.searchParams.get('comp') === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\/(?:Latest|Uncommitted|Committed)>/g)].map(
        (m) => m[1]!,
      );
      const artifact = artifacts.find((a) => path.endsWith(`/${a.name}.zip`));
      if (!artifact || ids.some((id) => !staged.has(id))) return response.writeHead(400, headers).end();
      artifact.blob = Buffer.concat(ids.map((id) => staged.get(id)!));
      return response.writeHead(201, { ...headers, etag: '"0x8DCFAKE"', 'last-modified': new Date().toUTCString() }).end();
    }
    return response.writeHead(400, headers).end();
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${request.method} ${url.pathname}${url.searchParams.has('comp') ? `?comp=${url.searchParams.get('comp')}` : ''}`);
    readBody(request)
      .then(async (body) => {
        if (request.method === 'POST' && url.pathname.startsWith(TWIRP)) {
          if (request.headers.authorization !== `Bearer ${runtimeToken}`) return twirpError(response, 401, 'unauthenticated', 'bad token');
          return twirp(url.pathname.slice(TWIRP.length), JSON.parse(body.toString('utf8')) as Record<string, unknown>, response);
        }
        if (request.method === 'PUT') return blob(url, body, response);
        return twirpError(response, 404, 'bad_route', `${request.method} ${url.pathname}`);
      })
      .catch((error: unknown) => twirpError(response, 500, 'internal', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    runtimeToken,
    backendIds,
    artifacts,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
