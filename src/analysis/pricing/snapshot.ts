/**
 * Bundled list prices: the fallback when the Price List API is denied or unreachable. Findings
 * priced from here say `priceSource: 'bundled'` and the report says so.
 *
 * Public on-demand USD list prices, transcribed by hand from the AWS pricing pages (2025) for the
 * regions the demo and most users run in. They are NOT fetched by the build: list prices change
 * rarely, but refresh this table against the Price List API when they do. Regions or types not
 * listed here get no bundled price (the finding says the price is unavailable).
 *
 * Units follow `keys.ts`: GB-month, IOPS-month, MiB/s-month, hour, GB.
 */
export const BUNDLED_PRICES_AS_OF = '2025';

type Table = Record<string, number>;

/** `{family: [size, usdPerHour][]}` expanded to `ec2:{family}.{size}` keys. */
function ec2(families: Record<string, Array<[string, number]>>): Table {
  const table: Table = {};
  for (const [family, sizes] of Object.entries(families)) {
    for (const [size, usd] of sizes) table[`ec2:${family}.${size}`] = usd;
  }
  return table;
}

/** `{engine: {class: usdPerHour}}` single-AZ rates; Multi-AZ is twice the single-AZ rate. */
function rds(engines: Record<string, Record<string, number>>): Table {
  const table: Table = {};
  for (const [engine, classes] of Object.entries(engines)) {
    for (const [instanceClass, usd] of Object.entries(classes)) {
      table[`rds:${engine}:single-az:${instanceClass}`] = usd;
      table[`rds:${engine}:multi-az:${instanceClass}`] = Math.round(usd * 2 * 10_000) / 10_000;
    }
  }
  return table;
}

interface EbsRates {
  gp2: number; gp3: number; io1: number; io2: number; st1: number; sc1: number; standard: number;
  iops: number; gp3Iops: number; gp3Throughput: number; snapshot: number;
}

function ebs(r: EbsRates): Table {
  return {
    'ebs:gp2': r.gp2, 'ebs:gp3': r.gp3, 'ebs:io1': r.io1, 'ebs:io2': r.io2, 'ebs:st1': r.st1, 'ebs:sc1': r.sc1, 'ebs:standard': r.standard,
    'ebs-iops:io1': r.iops, 'ebs-iops:io2': r.iops, 'ebs-iops:gp3': r.gp3Iops, 'ebs-throughput:gp3': r.gp3Throughput, 'ebs-snapshot': r.snapshot,
  };
}

function network(nat: number, lb: number, clb: number, gwlb?: number): Table {
  return {
    'eip-idle': 0.005, 'nat-hour': nat, 'nat-gb': nat, 'lb:application': lb, 'lb:network': lb, 'lb:classic': clb,
    ...(gwlb === undefined ? {} : { 'lb:gateway': gwlb }),
  };
}

const US_EAST_EC2 = ec2({
  t1: [['micro', 0.02]],
  t2: [['nano', 0.0058], ['micro', 0.0116], ['small', 0.023], ['medium', 0.0464], ['large', 0.0928], ['xlarge', 0.1856], ['2xlarge', 0.3712]],
  t3: [['nano', 0.0052], ['micro', 0.0104], ['small', 0.0208], ['medium', 0.0416], ['large', 0.0832], ['xlarge', 0.1664], ['2xlarge', 0.3328]],
  t3a: [['nano', 0.0047], ['micro', 0.0094], ['small', 0.0188], ['medium', 0.0376], ['large', 0.0752], ['xlarge', 0.1504], ['2xlarge', 0.3008]],
  m1: [['small', 0.044], ['medium', 0.087], ['large', 0.175], ['xlarge', 0.35]],
  m2: [['xlarge', 0.245], ['2xlarge', 0.49], ['4xlarge', 0.98]],
  m3: [['medium', 0.067], ['large', 0.133], ['xlarge', 0.266], ['2xlarge', 0.532]],
  m4: [['large', 0.1], ['xlarge', 0.2], ['2xlarge', 0.4], ['4xlarge', 0.8], ['10xlarge', 2.0], ['16xlarge', 3.2]],
  m5: [['large', 0.096], ['xlarge', 0.192], ['2xlarge', 0.384], ['4xlarge', 0.768], ['8xlarge', 1.536], ['12xlarge', 2.304], ['16xlarge', 3.072], ['24xlarge', 4.608]],
  m6i: [['large', 0.096], ['xlarge', 0.192], ['2xlarge', 0.384], ['4xlarge', 0.768], ['8xlarge', 1.536], ['12xlarge', 2.304], ['16xlarge', 3.072], ['24xlarge', 4.608], ['32xlarge', 6.144]],
  m7i: [['large', 0.1008], ['xlarge', 0.2016], ['2xlarge', 0.4032], ['4xlarge', 0.8064], ['8xlarge', 1.6128]],
  c1: [['medium', 0.13], ['xlarge', 0.52]],
  c3: [['large', 0.105], ['xlarge', 0.21], ['2xlarge', 0.42], ['4xlarge', 0.84], ['8xlarge', 1.68]],
  c4: [['large', 0.1], ['xlarge', 0.199], ['2xlarge', 0.398], ['4xlarge', 0.796], ['8xlarge', 1.591]],
  c5: [['large', 0.085], ['xlarge', 0.17], ['2xlarge', 0.34], ['4xlarge', 0.68], ['9xlarge', 1.53], ['18xlarge', 3.06]],
  c6i: [['large', 0.085], ['xlarge', 0.17], ['2xlarge', 0.34], ['4xlarge', 0.68], ['8xlarge', 1.36], ['12xlarge', 2.04], ['16xlarge', 2.72]],
  r3: [['large', 0.166], ['xlarge', 0.333], ['2xlarge', 0.665], ['4xlarge', 1.33], ['8xlarge', 2.66]],
  r4: [['large', 0.133], ['xlarge', 0.266], ['2xlarge', 0.532], ['4xlarge', 1.064], ['8xlarge', 2.128], ['16xlarge', 4.256]],
  r5: [['large', 0.126], ['xlarge', 0.252], ['2xlarge', 0.504], ['4xlarge', 1.008], ['8xlarge', 2.016], ['12xlarge', 3.024]],
  r6i: [['large', 0.126], ['xlarge', 0.252], ['2xlarge', 0.504], ['4xlarge', 1.008], ['8xlarge', 2.016], ['12xlarge', 3.024]],
  i2: [['xlarge', 0.853], ['2xlarge', 1.705], ['4xlarge', 3.41]],
  i3: [['large', 0.156], ['xlarge', 0.312], ['2xlarge', 0.624], ['4xlarge', 1.248]],
  i4i: [['large', 0.172], ['xlarge', 0.343], ['2xlarge', 0.686], ['4xlarge', 1.373]],
});

const US_EAST_RDS = rds({
  mysql: {
    'db.t2.micro': 0.017, 'db.t2.small': 0.034, 'db.t2.medium': 0.068,
    'db.t3.micro': 0.017, 'db.t3.small': 0.034, 'db.t3.medium': 0.068, 'db.t3.large': 0.136, 'db.t3.xlarge': 0.272,
    'db.t4g.micro': 0.016, 'db.t4g.small': 0.032, 'db.t4g.medium': 0.065, 'db.t4g.large': 0.129,
    'db.m4.large': 0.175, 'db.m4.xlarge': 0.35,
    'db.m5.large': 0.171, 'db.m5.xlarge': 0.342, 'db.m5.2xlarge': 0.684, 'db.m5.4xlarge': 1.368,
    'db.m6g.large': 0.152, 'db.m6g.xlarge': 0.304,
    'db.r5.large': 0.25, 'db.r5.xlarge': 0.5, 'db.r5.2xlarge': 1.0,
    'db.r6g.large': 0.225, 'db.r6g.xlarge': 0.45,
  },
  postgres: {
    'db.t2.micro': 0.018, 'db.t2.small': 0.036, 'db.t2.medium': 0.072,
    'db.t3.micro': 0.018, 'db.t3.small': 0.036, 'db.t3.medium': 0.072, 'db.t3.large': 0.145, 'db.t3.xlarge': 0.29,
    'db.t4g.micro': 0.016, 'db.t4g.small': 0.032, 'db.t4g.medium': 0.065, 'db.t4g.large': 0.129,
    'db.m4.large': 0.182, 'db.m4.xlarge': 0.365,
    'db.m5.large': 0.178, 'db.m5.xlarge': 0.356, 'db.m5.2xlarge': 0.712, 'db.m5.4xlarge': 1.424,
    'db.m6g.large': 0.159, 'db.m6g.xlarge': 0.318,
    'db.r5.large': 0.25, 'db.r5.xlarge': 0.5, 'db.r5.2xlarge': 1.0,
    'db.r6g.large': 0.225, 'db.r6g.xlarge': 0.45,
  },
});

const US_EAST: Table = {
  ...US_EAST_EC2,
  ...US_EAST_RDS,
  ...ebs({ gp2: 0.1, gp3: 0.08, io1: 0.125, io2: 0.125, st1: 0.045, sc1: 0.015, standard: 0.05, iops: 0.065, gp3Iops: 0.005, gp3Throughput: 0.04, snapshot: 0.05 }),
};

const EU_WEST_1: Table = {
  ...ec2({
    t2: [['nano', 0.0063], ['micro', 0.0126], ['small', 0.025], ['medium', 0.05], ['large', 0.1008], ['xlarge', 0.2016], ['2xlarge', 0.4032]],
    t3: [['nano', 0.0057], ['micro', 0.0114], ['small', 0.0228], ['medium', 0.0456], ['large', 0.0912], ['xlarge', 0.1824], ['2xlarge', 0.3648]],
    m3: [['medium', 0.073], ['large', 0.146], ['xlarge', 0.293], ['2xlarge', 0.585]],
    m4: [['large', 0.111], ['xlarge', 0.222], ['2xlarge', 0.444], ['4xlarge', 0.888]],
    m5: [['large', 0.107], ['xlarge', 0.214], ['2xlarge', 0.428], ['4xlarge', 0.856], ['8xlarge', 1.712]],
    m6i: [['large', 0.107], ['xlarge', 0.214], ['2xlarge', 0.428], ['4xlarge', 0.856], ['8xlarge', 1.712]],
    c4: [['large', 0.113], ['xlarge', 0.226], ['2xlarge', 0.453], ['4xlarge', 0.905]],
    c5: [['large', 0.096], ['xlarge', 0.192], ['2xlarge', 0.384], ['4xlarge', 0.768]],
    c6i: [['large', 0.096], ['xlarge', 0.192], ['2xlarge', 0.384], ['4xlarge', 0.768]],
    r4: [['large', 0.148], ['xlarge', 0.296], ['2xlarge', 0.593]],
    r5: [['large', 0.141], ['xlarge', 0.282], ['2xlarge', 0.564], ['4xlarge', 1.128]],
    r6i: [['large', 0.141], ['xlarge', 0.282], ['2xlarge', 0.564], ['4xlarge', 1.128]],
  }),
  ...rds({
    mysql: { 'db.t3.micro': 0.018, 'db.t3.small': 0.036, 'db.t3.medium': 0.072, 'db.t3.large': 0.144, 'db.m5.large': 0.19, 'db.m5.xlarge': 0.38, 'db.m5.2xlarge': 0.76, 'db.r5.large': 0.28, 'db.r5.xlarge': 0.56 },
    postgres: { 'db.t3.micro': 0.019, 'db.t3.small': 0.038, 'db.t3.medium': 0.076, 'db.t3.large': 0.152, 'db.m5.large': 0.197, 'db.m5.xlarge': 0.394, 'db.m5.2xlarge': 0.788, 'db.r5.large': 0.28, 'db.r5.xlarge': 0.56 },
  }),
  ...ebs({ gp2: 0.11, gp3: 0.088, io1: 0.138, io2: 0.138, st1: 0.05, sc1: 0.0168, standard: 0.055, iops: 0.072, gp3Iops: 0.0055, gp3Throughput: 0.044, snapshot: 0.05 }),
  ...network(0.048, 0.0252, 0.028),
};

const EU_CENTRAL_1: Table = {
  ...ec2({
    t2: [['micro', 0.0134], ['small', 0.0268], ['medium', 0.0536], ['large', 0.1072]],
    t3: [['nano', 0.006], ['micro', 0.012], ['small', 0.024], ['medium', 0.048], ['large', 0.096], ['xlarge', 0.192], ['2xlarge', 0.384]],
    m4: [['large', 0.12], ['xlarge', 0.24], ['2xlarge', 0.48]],
    m5: [['large', 0.115], ['xlarge', 0.23], ['2xlarge', 0.46], ['4xlarge', 0.92]],
    m6i: [['large', 0.115], ['xlarge', 0.23], ['2xlarge', 0.46], ['4xlarge', 0.92]],
    c4: [['large', 0.114], ['xlarge', 0.227]],
    c5: [['large', 0.097], ['xlarge', 0.194], ['2xlarge', 0.388]],
    c6i: [['large', 0.097], ['xlarge', 0.194], ['2xlarge', 0.388]],
    r4: [['large', 0.16], ['xlarge', 0.32]],
    r5: [['large', 0.152], ['xlarge', 0.304], ['2xlarge', 0.608]],
    r6i: [['large', 0.152], ['xlarge', 0.304], ['2xlarge', 0.608]],
  }),
  ...ebs({ gp2: 0.119, gp3: 0.0952, io1: 0.149, io2: 0.149, st1: 0.054, sc1: 0.018, standard: 0.059, iops: 0.078, gp3Iops: 0.006, gp3Throughput: 0.048, snapshot: 0.054 }),
  ...network(0.052, 0.027, 0.03),
};

const AP_SOUTHEAST_2: Table = {
  ...ec2({
    t2: [['nano', 0.0073], ['micro', 0.0146], ['small', 0.0292], ['medium', 0.0584], ['large', 0.1168], ['xlarge', 0.2336], ['2xlarge', 0.4672]],
    t3: [['nano', 0.0066], ['micro', 0.0132], ['small', 0.0264], ['medium', 0.0528], ['large', 0.1056], ['xlarge', 0.2112], ['2xlarge', 0.4224]],
    m3: [['medium', 0.093], ['large', 0.186]],
    m4: [['large', 0.125], ['xlarge', 0.25], ['2xlarge', 0.5], ['4xlarge', 1.0]],
    m5: [['large', 0.12], ['xlarge', 0.24], ['2xlarge', 0.48], ['4xlarge', 0.96]],
    m6i: [['large', 0.12], ['xlarge', 0.24], ['2xlarge', 0.48], ['4xlarge', 0.96]],
    c4: [['large', 0.13], ['xlarge', 0.261], ['2xlarge', 0.522]],
    c5: [['large', 0.111], ['xlarge', 0.222], ['2xlarge', 0.444]],
    c6i: [['large', 0.111], ['xlarge', 0.222], ['2xlarge', 0.444]],
    r4: [['large', 0.16], ['xlarge', 0.319], ['2xlarge', 0.638]],
    r5: [['large', 0.151], ['xlarge', 0.302], ['2xlarge', 0.604]],
    r6i: [['large', 0.151], ['xlarge', 0.302], ['2xlarge', 0.604]],
  }),
  ...rds({
    mysql: { 'db.t3.micro': 0.026, 'db.t3.small': 0.052, 'db.t3.medium': 0.104, 'db.t3.large': 0.208, 'db.m5.large': 0.238, 'db.m5.xlarge': 0.476, 'db.r5.large': 0.3, 'db.r5.xlarge': 0.6 },
    postgres: { 'db.t3.micro': 0.028, 'db.t3.small': 0.056, 'db.t3.medium': 0.112, 'db.t3.large': 0.224, 'db.m5.large': 0.245, 'db.m5.xlarge': 0.49, 'db.r5.large': 0.3, 'db.r5.xlarge': 0.6 },
  }),
  ...ebs({ gp2: 0.12, gp3: 0.096, io1: 0.138, io2: 0.138, st1: 0.054, sc1: 0.018, standard: 0.08, iops: 0.072, gp3Iops: 0.006, gp3Throughput: 0.048, snapshot: 0.055 }),
  ...network(0.059, 0.0252, 0.028),
};

/** Bundled prices by region and price key. */
export const BUNDLED_PRICES: Readonly<Record<string, Readonly<Table>>> = {
  'us-east-1': { ...US_EAST, ...network(0.045, 0.0225, 0.025, 0.0125) },
  'us-east-2': { ...US_EAST, ...network(0.045, 0.0225, 0.025) },
  'us-west-2': { ...US_EAST, ...network(0.045, 0.0225, 0.025) },
  'eu-west-1': EU_WEST_1,
  'eu-central-1': EU_CENTRAL_1,
  'ap-southeast-2': AP_SOUTHEAST_2,
};

/** The bundled price of `key` in `region`, or undefined when the snapshot has none. */
export function bundledPrice(region: string, key: string): number | undefined {
  return BUNDLED_PRICES[region]?.[key];
}
