import { NewPipelineParameters } from '@internal/backstage-plugin-streaming-platform-common';
import { demoScenario } from '@internal/platform-emulator';

/**
 * Every key of NewPipelineParameters, as a value. The type makes the
 * compiler reject a missing or an extra key, so the tests compare the
 * template's parameters with the contract itself.
 */
const PARAMETER_KEYS: Record<keyof NewPipelineParameters, true> = {
  name: true,
  description: true,
  owner: true,
  system: true,
  cluster: true,
  namespace: true,
  mskCluster: true,
  topics: true,
  consumerGroup: true,
  startingOffsets: true,
  partitions: true,
  jarUri: true,
  image: true,
  entryClass: true,
  args: true,
  flinkVersion: true,
  taskManagerSize: true,
  parallelism: true,
  minParallelism: true,
  maxParallelism: true,
  autoscaler: true,
  utilizationTarget: true,
  lagTargetSeconds: true,
  hecEndpoint: true,
  splunkIndex: true,
  splunkSourcetype: true,
  hecTokenSecret: true,
  capacityProfile: true,
  checkpointIntervalSeconds: true,
  checkpointS3Path: true,
  upgradeMode: true,
  gitOpsRepoUrl: true,
};

export const PARAMETER_NAMES = Object.keys(PARAMETER_KEYS).sort();

/** A pipeline as a developer would fill in the form on the default portal. */
export const EXAMPLE_PARAMETERS: NewPipelineParameters = {
  name: 'card-fraud-signals',
  description: 'Flags card transactions that match known fraud patterns.',
  owner: 'group:default/team-payments',
  system: 'system:default/streaming',
  cluster: 'eks-demo-eu-west-1',
  namespace: 'payments',
  mskCluster: 'msk-demo-eu-west-1',
  topics: ['card-transactions'],
  consumerGroup: 'payments.card-fraud-signals',
  startingOffsets: 'committed',
  partitions: 24,
  jarUri: 's3://streaming-artifacts/payments/card-fraud-signals-1.0.0.jar',
  entryClass: 'com.example.payments.CardFraudSignalsJob',
  args: ['--window', '5m'],
  flinkVersion: 'v1_20',
  taskManagerSize: 'medium',
  parallelism: 4,
  minParallelism: 2,
  maxParallelism: 24,
  autoscaler: true,
  utilizationTarget: 0.7,
  lagTargetSeconds: 120,
  hecEndpoint: 'https://hec.splunk.example.com:8088',
  splunkIndex: 'payments',
  splunkSourcetype: 'payments:fraud-signals',
  hecTokenSecret: 'streaming/payments/splunk-hec',
  capacityProfile: 'spot-first',
  checkpointIntervalSeconds: 60,
  checkpointS3Path: 's3://streaming-checkpoints/payments/card-fraud-signals',
  upgradeMode: 'savepoint',
};

/** The clusters of the default portal's emulator, as validateNewPipeline wants them. */
export const EMULATOR_CLUSTERS = demoScenario().clusters.map(cluster => ({
  name: cluster.name,
  mskClusterName: cluster.mskClusterName,
}));

/**
 * The answers the template has no default for, as a developer would give
 * them; together with the template's defaults they are a complete form. The
 * cluster and its MSK cluster are what their fields pre-fill from the
 * backend's configuration: on the default portal, the emulator's first.
 */
export const REQUIRED_ANSWERS: Partial<NewPipelineParameters> = {
  cluster: EMULATOR_CLUSTERS[0].name,
  mskCluster: EMULATOR_CLUSTERS[0].mskClusterName,
  name: 'orders-enricher',
  description: 'Enriches order events with customer data.',
  owner: 'group:default/team-growth',
  namespace: 'growth',
  topics: ['orders'],
  consumerGroup: 'growth.orders-enricher',
  partitions: 12,
  jarUri: 'https://artifacts.example.com/growth/orders-enricher-2.3.1.jar',
  entryClass: 'com.example.growth.OrdersEnricher',
  maxParallelism: 12,
  hecEndpoint: 'https://hec.splunk.example.com',
  splunkIndex: 'growth',
  splunkSourcetype: 'growth:orders',
  hecTokenSecret: 'streaming/growth/splunk-hec',
  checkpointS3Path: 's3://streaming-checkpoints/growth/orders-enricher',
};

/** One row of the rendering table: what varies, and the parameters. */
export interface ParameterSet {
  title: string;
  parameters: NewPipelineParameters;
}

/**
 * The combinations the skeleton must render correctly: both capacity
 * profiles, the autoscaler on and off, the official and a custom image,
 * every TaskManager size, every upgrade mode and several Flink versions.
 */
export const PARAMETER_SETS: ParameterSet[] = [
  {
    title: 'spot-first, autoscaler on, official image, Flink 1.20',
    parameters: EXAMPLE_PARAMETERS,
  },
  {
    title: 'on-demand, autoscaler off, custom image, Flink 1.18, two topics',
    parameters: {
      ...EXAMPLE_PARAMETERS,
      name: 'settlement-matcher',
      capacityProfile: 'on-demand',
      autoscaler: false,
      image:
        '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/settlement-matcher:1.4.0',
      jarUri: 'local:///opt/flink/usrlib/settlement-matcher.jar',
      flinkVersion: 'v1_18',
      taskManagerSize: 'large',
      topics: ['settlements', 'card-authorizations'],
      args: undefined,
      system: undefined,
      upgradeMode: 'last-state',
      startingOffsets: 'earliest',
    },
  },
  {
    title: 'spot-first, autoscaler on, custom image, Flink 2.1, secret ARN',
    parameters: {
      ...EXAMPLE_PARAMETERS,
      name: 'risk-scores',
      namespace: 'risk',
      owner: 'team-risk',
      consumerGroup: 'risk.risk-scores',
      image: 'registry.example.com/risk/risk-scores:2.0.0',
      flinkVersion: 'v2_1',
      taskManagerSize: 'small',
      utilizationTarget: 0.55,
      hecTokenSecret:
        'arn:aws:secretsmanager:eu-west-1:123456789012:secret:streaming/risk/splunk-hec-AbCdEf',
      checkpointS3Path: 's3://streaming-checkpoints/risk/risk-scores/',
      upgradeMode: 'stateless',
      args: ['mode=strict', 'window=10m'],
    },
  },
  {
    title: 'on-demand, autoscaler on, official image, Flink 2.0',
    parameters: {
      ...EXAMPLE_PARAMETERS,
      name: 'ledger-audit',
      capacityProfile: 'on-demand',
      flinkVersion: 'v2_0',
      startingOffsets: 'latest',
      checkpointIntervalSeconds: 300,
    },
  },
  {
    title: 'spot-first, autoscaler off, official image, Flink 1.19',
    parameters: {
      ...EXAMPLE_PARAMETERS,
      name: 'click-sessions',
      autoscaler: false,
      flinkVersion: 'v1_19',
      parallelism: 1,
      minParallelism: 1,
      maxParallelism: 1,
      partitions: 1,
    },
  },
];
