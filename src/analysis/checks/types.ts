import type { CostSummary, Finding } from '../../records/report.js';
import type { InventoryKind, RegionInventory } from '../inventory/types.js';
import type { MetricFamily, MetricsResult } from '../metrics/types.js';
import type { PriceKey } from '../pricing/keys.js';
import type { PriceLookup } from '../pricing/price-book.js';

/** A check parameter: its type, bounds, default, and the phrase used in validation errors. */
export interface NumberParam {
  kind: 'number';
  min: number;
  max: number;
  integer?: boolean;
  default: number;
  description: string;
}

export interface ListParam {
  kind: 'string-list';
  default: readonly string[];
  itemPattern: RegExp;
  example: string;
  description: string;
}

export type ParamSpec = NumberParam | ListParam;

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The typed parameter values of a spec map. */
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: S[K] extends { kind: 'number' } ? number : string[] };

/** What a regional check sees: one region's inventory, metrics and prices. */
export interface RegionCheckInput {
  region: string;
  now: Date;
  inventory: RegionInventory;
  metrics: MetricsResult | undefined;
  prices: PriceLookup;
}

/** What an account check sees. */
export interface AccountCheckInput {
  now: Date;
  costs: CostSummary;
}

interface CheckBase<S extends ParamSpecs> {
  id: string;
  /** One line for docs and config errors. */
  description: string;
  params: S;
  /**
   * Whether its savings count in the potential monthly savings. False for signals that are not
   * a saving by themselves (a cost spike may be legitimate growth).
   */
  countsTowardSavings: boolean;
}

export interface RegionCheck<S extends ParamSpecs = ParamSpecs> extends CheckBase<S> {
  scope: 'region';
  /** Inventory it cannot run without; a missing one makes it "not run" with the reason. */
  requires: readonly InventoryKind[];
  /** CloudWatch metric families it reads. */
  metrics?: readonly MetricFamily[];
  /** Days of metrics it reads (the region's metric window is the largest of these). */
  lookbackDays?(params: ParamValues<S>): number;
  /** Prices it may need for this inventory, so the prices task fetches only those. */
  priceKeys(inventory: RegionInventory, params: ParamValues<S>): PriceKey[];
  run(input: RegionCheckInput, params: ParamValues<S>): Finding[];
}

export interface AccountCheck<S extends ParamSpecs = ParamSpecs> extends CheckBase<S> {
  scope: 'account';
  run(input: AccountCheckInput, params: ParamValues<S>): Finding[];
}

export type CheckDefinition<S extends ParamSpecs = ParamSpecs> = RegionCheck<S> | AccountCheck<S>;

/** Identity helpers that keep each check's parameter types exact. */
export function defineRegionCheck<const S extends ParamSpecs>(check: RegionCheck<S>): RegionCheck<S> {
  return check;
}

export function defineAccountCheck<const S extends ParamSpecs>(check: AccountCheck<S>): AccountCheck<S> {
  return check;
}

/** Parameter spec builders. */
export const param = {
  number: (d: number, min: number, max: number, description: string): NumberParam => ({
    kind: 'number',
    default: d,
    min,
    max,
    description,
  }),
  integer: (d: number, min: number, max: number, description: string): NumberParam => ({
    kind: 'number',
    integer: true,
    default: d,
    min,
    max,
    description,
  }),
  list: (d: readonly string[], itemPattern: RegExp, example: string, description: string): ListParam => ({
    kind: 'string-list',
    default: d,
    itemPattern,
    example,
    description,
  }),
};
