import { describe, expect, it } from 'vitest';
import { ebsSnapshotOld } from '../../../../src/analysis/checks/ebs-snapshot-old.js';
import { daysAgo, image, input, params, snapshot } from '../support/builders.js';

describe('ebs-snapshot-old', () => {
  const run = (snaps: ReturnType<typeof snapshot>[], images: ReturnType<typeof image>[] = [], p = params('ebs-snapshot-old')) =>
    ebsSnapshotOld.run(input({ snapshots: snaps, images }), p as never);

  it('flags an old snapshot no AMI uses, priced at source size × snapshot rate (upper bound)', () => {
    // 80 GiB × $0.05 = $4.00/month
    const [finding] = run([snapshot({ snapshotId: 'snap-old', volumeSizeGiB: 80, startTime: daysAgo(120) })]);
    expect(finding).toMatchObject({
      check: 'ebs-snapshot-old',
      resourceId: 'snap-old',
      resourceType: 'ebs-snapshot',
      estimatedMonthlySavings: 4,
    });
    expect(finding!.evidence).toMatchObject({ ageDays: 120, volumeSizeGiB: 80, usedByImage: false });
  });

  it('ignores snapshots used by an AMI, archived, recent, or kept by a retention policy', () => {
    expect(run([snapshot({ snapshotId: 'snap-ami', startTime: daysAgo(400) })], [image({ snapshotIds: ['snap-ami'] })])).toEqual([]);
    expect(run([snapshot({ storageTier: 'archive', startTime: daysAgo(400) })])).toEqual([]);
    expect(run([snapshot({ startTime: daysAgo(30) })])).toEqual([]);
    expect(run([snapshot({ startTime: daysAgo(400), tags: { 'aws:dlm:lifecycle-policy-id': 'policy-0123456789abcdef0' } })])).toEqual([]);
    expect(run([snapshot({ startTime: daysAgo(400), tags: { 'aws:backup:source-resource': 'vol-1' } })])).toEqual([]);
  });

  it('boundary: 90 days old is a finding, 89 is not', () => {
    expect(run([snapshot({ startTime: daysAgo(90) })])).toHaveLength(1);
    expect(run([snapshot({ startTime: daysAgo(89.9) })])).toEqual([]);
    expect(run([snapshot({ startTime: daysAgo(89.9) })], [], params('ebs-snapshot-old', { minAgeDays: 30 }))).toHaveLength(1);
  });
});
