/**
 * Instance type arithmetic for rightsizing and generation upgrades. Sizes within a family
 * double in capacity (and roughly in price) from one step to the next.
 */

/** Sizes from smallest to largest, as EC2 and RDS name them. */
export const SIZE_LADDER = [
  'nano',
  'micro',
  'small',
  'medium',
  'large',
  'xlarge',
  '2xlarge',
  '3xlarge',
  '4xlarge',
  '6xlarge',
  '8xlarge',
  '9xlarge',
  '10xlarge',
  '12xlarge',
  '16xlarge',
  '18xlarge',
  '24xlarge',
  '32xlarge',
  '48xlarge',
] as const;

export interface InstanceType {
  /** e.g. `db.` for RDS classes, '' for EC2. */
  prefix: string;
  family: string;
  size: string;
}

/** Splits `m5.large` / `db.m5.large`; undefined for shapes it does not know (e.g. `u-6tb1.metal`). */
export function parseInstanceType(type: string): InstanceType | undefined {
  const match = /^(db\.)?([a-z][a-z0-9-]*)\.([a-z0-9]+)$/.exec(type);
  if (!match) return undefined;
  return { prefix: match[1] ?? '', family: match[2]!, size: match[3]! };
}

/**
 * Candidate types one size smaller, nearest first (the next rung may not exist in a family, e.g.
 * there is no m5.medium, so callers take the first one that has a price).
 * @param steps how many rungs down to offer.
 */
export function smallerSizes(type: string, steps = 2): string[] {
  const parsed = parseInstanceType(type);
  if (!parsed) return [];
  const index = (SIZE_LADDER as readonly string[]).indexOf(parsed.size);
  if (index <= 0) return [];
  const candidates: string[] = [];
  for (let i = index - 1; i >= 0 && candidates.length < steps; i--) {
    candidates.push(`${parsed.prefix}${parsed.family}.${SIZE_LADDER[i]}`);
  }
  return candidates;
}

/**
 * Current-generation successor of each previous-generation family, chosen at the same or
 * lower on-demand price for the same size where AWS has one (x86, so no recompilation).
 */
export const SUCCESSOR_FAMILY: Readonly<Record<string, string>> = {
  t1: 't3',
  t2: 't3',
  m1: 'm6i',
  m2: 'r6i',
  m3: 'm6i',
  m4: 'm6i',
  c1: 'c6i',
  c3: 'c6i',
  c4: 'c6i',
  r3: 'r6i',
  r4: 'r6i',
  i2: 'i4i',
  cr1: 'r6i',
  hs1: 'd3',
  d2: 'd3',
  g2: 'g4dn',
  cc2: 'c6i',
};

/** Default families treated as previous generation by `ec2-previous-generation`. */
export const PREVIOUS_GENERATION_FAMILIES = [
  't1',
  't2',
  'm1',
  'm2',
  'm3',
  'm4',
  'c1',
  'c3',
  'c4',
  'r3',
  'r4',
  'i2',
  'cr1',
  'hs1',
  'd2',
  'g2',
  'cc2',
];

/**
 * The same size in the successor family; sizes the successor lacks move up to its smallest
 * larger size (m3.medium → m6i.large). Undefined when the family has no known successor.
 */
export function successorType(type: string): string | undefined {
  const parsed = parseInstanceType(type);
  if (!parsed || parsed.prefix) return undefined;
  const family = SUCCESSOR_FAMILY[parsed.family];
  if (!family) return undefined;
  const smallest = SMALLEST_SIZE[family];
  const ladder = SIZE_LADDER as readonly string[];
  if (smallest && ladder.indexOf(parsed.size) < ladder.indexOf(smallest)) return `${family}.${smallest}`;
  return `${family}.${parsed.size}`;
}

/** Smallest size of successor families that do not start at nano. */
const SMALLEST_SIZE: Readonly<Record<string, string>> = {
  m6i: 'large',
  c6i: 'large',
  r6i: 'large',
  i4i: 'large',
  d3: 'xlarge',
  g4dn: 'xlarge',
};
