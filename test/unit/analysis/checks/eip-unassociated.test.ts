import { describe, expect, it } from 'vitest';
import { eipUnassociated } from '../../../../src/analysis/checks/eip-unassociated.js';
import { address, input, params, prices } from '../support/builders.js';

describe('eip-unassociated', () => {
  it('flags an address with no association: $0.005/h × 730 h = $3.65/month', () => {
    const [finding] = eipUnassociated.run(input({ addresses: [address({ allocationId: 'eipalloc-1' })] }), params('eip-unassociated'));
    expect(finding).toMatchObject({
      check: 'eip-unassociated',
      resourceId: 'eipalloc-1',
      resourceType: 'elastic-ip',
      estimatedMonthlySavings: 3.65,
      severity: 'low',
    });
  });

  it('ignores associated addresses', () => {
    const associated = [
      address({ associationId: 'eipassoc-1', instanceId: 'i-1' }),
      address({ networkInterfaceId: 'eni-1', associationId: 'eipassoc-2' }),
    ];
    expect(eipUnassociated.run(input({ addresses: associated }), params('eip-unassociated'))).toEqual([]);
  });

  it('boundary: an address attached to an interface only (no instance) is still associated', () => {
    expect(eipUnassociated.run(input({ addresses: [address({ networkInterfaceId: 'eni-1' })] }), params('eip-unassociated'))).toEqual([]);
  });

  it('without any price the finding stays, with no saving and priceUnavailable evidence', () => {
    const [finding] = eipUnassociated.run(
      input({ addresses: [address()] }, { region: 'me-central-1', prices: prices('me-central-1') }),
      params('eip-unassociated'),
    );
    expect(finding).toMatchObject({ estimatedMonthlySavings: 0, evidence: { priceUnavailable: true } });
    expect(finding!.priceSource).toBeUndefined();
  });
});
