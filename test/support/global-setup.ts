import type { TestProject } from 'vitest/node';
import { startS3Server } from './s3-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the S3-compatible server on 127.0.0.1 shared by the run (`inject('s3Endpoint')`). */
    s3Endpoint: string;
  }
}

/** Starts the servers the suites share, once per run, and stops them at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const s3 = await startS3Server();
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await s3.stop();
  };
}
