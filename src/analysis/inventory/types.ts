import type {
  DbInstance,
  EbsSnapshot,
  EbsVolume,
  Ec2Instance,
  ElasticIp,
  LoadBalancer,
  MachineImage,
  NatGateway,
} from '../../aws/ports/index.js';

/** A load balancer with the health of the targets of its target groups. */
export interface LoadBalancerInventory extends LoadBalancer {
  targetGroups: number;
  targets: number;
  healthyTargets: number;
}

/** What the inventory tasks of one region found; a family is absent when its task did not succeed. */
export interface RegionInventory {
  instances?: Ec2Instance[];
  volumes?: EbsVolume[];
  snapshots?: EbsSnapshot[];
  /** Images owned by the account, listed with the snapshots to know which ones are in use. */
  images?: MachineImage[];
  addresses?: ElasticIp[];
  natGateways?: NatGateway[];
  loadBalancers?: LoadBalancerInventory[];
  dbInstances?: DbInstance[];
}

/** Inventory families a check can require (images travel with snapshots). */
export type InventoryKind = 'instances' | 'volumes' | 'snapshots' | 'addresses' | 'natGateways' | 'loadBalancers' | 'dbInstances';
