/** Starts the servers the suites share; filled in by the S3 store integration. */
export default async function setup(): Promise<void> {}
