import { roundUsd } from '../../primitives/money.js';
import { daysBetween } from '../dates.js';
import { HOURS_PER_MONTH } from '../pricing/keys.js';
import { makeFinding, roundMeasurement } from './helpers.js';
import { defineAccountCheck, param } from './types.js';

const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

/**
 * Services whose cost rose by more than `minIncreaseUsd` AND more than `minIncreasePercent`
 * against the previous period. Periods of unequal length (30 days of March vs February's 28)
 * are compared by daily average, scaled to the current period. Its dollar value is the
 * increase projected over a month (`evidence.projectedMonthlyIncreaseUsd`); its saving is 0,
 * since growth may be legitimate.
 */
export const costSpike = defineAccountCheck({
  id: 'cost-spike',
  scope: 'account',
  description: 'service whose cost rose sharply against the previous period',
  params: {
    minIncreaseUsd: param.number(10, 0, 1_000_000_000, 'minimum increase in USD over the period (exclusive)'),
    minIncreasePercent: param.number(10, 0, 1_000_000, 'minimum increase in percent (exclusive)'),
  },
  countsTowardSavings: false,
  run({ costs }, params) {
    const currentDays = daysBetween(costs.current.period.start, costs.current.period.end);
    const previousDays = daysBetween(costs.previous.period.start, costs.previous.period.end);
    if (currentDays <= 0 || previousDays <= 0) return [];
    return costs.byService.flatMap((service) => {
      const expected = (service.previous / previousDays) * currentDays;
      const increase = service.current - expected;
      const percent = expected > 0 ? (increase / expected) * 100 : null;
      if (increase <= params.minIncreaseUsd) return [];
      if (percent !== null && percent <= params.minIncreasePercent) return [];
      const monthly = roundUsd((increase / currentDays) * DAYS_PER_MONTH);
      const finding = makeFinding(
        {
          check: 'cost-spike',
          resourceId: service.service,
          resourceType: 'service',
          region: 'global',
          title: `${service.service} cost up ${roundUsd(increase).toFixed(2)} USD${percent === null ? '' : ` (+${roundMeasurement(percent)}%)`} vs the previous period`,
          evidence: {
            currentUsd: service.current,
            previousUsd: service.previous,
            currentDays,
            previousDays,
            increaseUsd: roundUsd(increase),
            increasePercent: percent === null ? null : roundMeasurement(percent),
            currentPeriod: `${costs.current.period.start}..${costs.current.period.end}`,
            previousPeriod: `${costs.previous.period.start}..${costs.previous.period.end}`,
            projectedMonthlyIncreaseUsd: monthly,
          },
          recommendation: 'Find what changed (Cost Explorer by usage type and resource) and confirm the growth is expected.',
        },
        { usd: monthly, prices: [] },
        'cost-explorer',
      );
      // Growth may be legitimate, so it is not a saving: every total and table reads
      // `estimatedMonthlySavings`, and the increase stays in the title and evidence. Its
      // severity still follows the size of the increase.
      return [{ ...finding, estimatedMonthlySavings: 0 }];
    });
  },
});
