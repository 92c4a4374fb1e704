import { describe, expect, it } from 'vitest';
import { rdsIdle } from '../../../../src/analysis/checks/rds-idle.js';
import { dbInstance, input, metrics, params, repeat } from '../support/builders.js';

describe('rds-idle', () => {
  const connections = (values: number[]) =>
    metrics([{ resourceId: 'orders-db', metric: 'DatabaseConnections', stat: 'Maximum', values }], 7);
  const run = (values: number[] | undefined, db = dbInstance(), p = params('rds-idle')) =>
    rdsIdle.run(input({ dbInstances: [db] }, { metrics: values ? connections(values) : undefined }), p as never);

  it('flags a PostgreSQL db.m5.large with no connections for 7 days: $0.178/h × 730 = $129.94', () => {
    const [finding] = run(repeat(0, 7));
    expect(finding).toMatchObject({
      check: 'rds-idle',
      resourceId: 'orders-db',
      resourceType: 'rds-instance',
      estimatedMonthlySavings: 129.94,
      severity: 'high',
    });
    expect(finding!.evidence).toMatchObject({ peakConnections: 0, daysOfData: 7, engine: 'postgres' });
  });

  it('Multi-AZ doubles the rate: $0.356/h × 730 = $259.88', () => {
    expect(run(repeat(0, 7), dbInstance({ multiAz: true }))[0]!.estimatedMonthlySavings).toBe(259.88);
  });

  it('ignores used, stopped, or not fully measured instances', () => {
    expect(run([...repeat(0, 6), 3])).toEqual([]);
    expect(run(repeat(0, 7), dbInstance({ status: 'stopped' }))).toEqual([]);
    expect(run(repeat(0, 5))).toEqual([]);
    expect(run(undefined)).toEqual([]);
  });

  it('boundary: peak connections equal to maxConnections is idle, one more is not', () => {
    expect(run([...repeat(0, 6), 2], dbInstance(), params('rds-idle', { maxConnections: 2 }))).toHaveLength(1);
    expect(run([...repeat(0, 6), 3], dbInstance(), params('rds-idle', { maxConnections: 2 }))).toEqual([]);
    expect(run([...repeat(0, 6), 1])).toEqual([]);
  });
});
