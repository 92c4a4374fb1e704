/** AWS adapters: the ports the analyses use and the factory of the real ones. */
export { createAwsAdapters } from './adapters.js';
export { SDK_MAX_ATTEMPTS, type AwsClientOptions, type AwsCredentialsInput } from './clients.js';
export type * from './ports/index.js';
