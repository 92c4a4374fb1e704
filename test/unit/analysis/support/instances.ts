import type { GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import type { EC2Client, Instance } from '@aws-sdk/client-ec2';

export const regionOf = async (thisValue: unknown) => (thisValue as EC2Client).config.region();

export function runningInstances(region: string, count: number, type = 'm5.large'): Instance[] {
  return Array.from({ length: count }, (_, i) => ({
    InstanceId: `i-${region.replace(/-/g, '')}${String(i).padStart(5, '0')}`,
    InstanceType: type as Instance['InstanceType'],
    State: { Code: 16, Name: 'running' },
    LaunchTime: new Date('2026-01-01T00:00:00Z'),
  }));
}

/** CloudWatch answers: every EC2 instance idle (CPU 1%, 0.1 MB a day), NATs without traffic. */
export function quietCloudWatch(input: GetMetricDataCommandInput) {
  const end = input.EndTime!.getTime();
  const stamps = Array.from({ length: 14 }, (_, i) => new Date(end - (14 - i) * 86_400_000));
  return {
    MetricDataResults: input.MetricDataQueries!.map((q) => {
      const name = q.MetricStat!.Metric!.MetricName!;
      const value = name === 'CPUUtilization' ? 1 : name.startsWith('Network') ? 50_000 : 0;
      return { Id: q.Id, Timestamps: stamps, Values: stamps.map(() => value), StatusCode: 'Complete' as const };
    }),
  };
}

export function byRegion(instances: Record<string, Instance[]>) {
  return async (_input: unknown, getClient: () => unknown) => ({
    Reservations: [{ Instances: instances[await regionOf(getClient())] ?? [] }],
  });
}
