/**
 * Every IAM action the adapters call, for the least-privilege policy users attach to the role
 * (all read-only). A test keeps this list equal to the calls made in `src/aws`.
 */
export const REQUIRED_IAM_ACTIONS = [
  'ce:GetAnomalies',
  'ce:GetCostAndUsage',
  'ce:GetCostForecast',
  'cloudwatch:GetMetricData',
  'ec2:DescribeAddresses',
  'ec2:DescribeImages',
  'ec2:DescribeInstances',
  'ec2:DescribeNatGateways',
  'ec2:DescribeRegions',
  'ec2:DescribeSnapshots',
  'ec2:DescribeVolumes',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTargetHealth',
  'pricing:GetProducts',
  'rds:DescribeDBInstances',
] as const;
