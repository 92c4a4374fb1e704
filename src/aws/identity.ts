import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NonRetryableError, errorMessage } from '../primitives/errors.js';
import { clientConfig, type AwsClientOptions } from './clients.js';

/** Who the credentials belong to: the account every state key and report is about. */
export interface CallerIdentity {
  accountId: string;
  arn: string;
}

/** STS GetCallerIdentity: needs no permission, so it also proves the credentials work. */
export async function getCallerIdentity(options: AwsClientOptions, signal?: AbortSignal): Promise<CallerIdentity> {
  const client = new STSClient(clientConfig(options));
  try {
    const answer = await client.send(new GetCallerIdentityCommand({}), signal ? { abortSignal: signal } : {});
    if (!answer.Account || !/^\d{12}$/.test(answer.Account))
      throw new Error(`STS answered without an account id (${answer.Account ?? 'none'})`);
    return { accountId: answer.Account, arn: answer.Arn ?? '' };
  } catch (error) {
    throw new NonRetryableError(`could not identify the AWS account of these credentials (sts:GetCallerIdentity): ${errorMessage(error)}`, {
      cause: error,
    });
  } finally {
    client.destroy();
  }
}
