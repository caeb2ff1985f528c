import {
  clusterLabel,
  clusterProblem,
  mskClusterCheck,
  mskClusterNames,
  mskClusterOf,
} from './clusterOptions';

const clusters = [
  { name: 'eks-a', region: 'eu-west-1', mskClusterName: 'msk-a' },
  { name: 'eks-b', region: 'eu-west-1', mskClusterName: 'msk-a' },
  { name: 'eks-c', region: 'us-east-1', mskClusterName: 'msk-c' },
  { name: 'eks-d', region: '' },
];

describe('cluster options', () => {
  it('lists each MSK cluster once, and finds the one of a cluster', () => {
    expect(mskClusterNames(clusters)).toEqual(['msk-a', 'msk-c']);
    expect(mskClusterOf(clusters, 'eks-c')).toBe('msk-c');
    expect(mskClusterOf(clusters, 'eks-d')).toBeUndefined();
    expect(mskClusterOf(clusters, 'eks-gone')).toBeUndefined();
  });

  it('labels a cluster with its region where it has one', () => {
    expect(clusterLabel(clusters[0])).toBe('eks-a (eu-west-1)');
    expect(clusterLabel(clusters[3])).toBe('eks-d');
  });

  it('says what validateNewPipeline says of the cluster', () => {
    expect(clusterProblem('eks-gone', clusters)).toBe(
      "cluster 'eks-gone' is not one of the configured clusters (eks-a, eks-b, eks-c, eks-d)",
    );
    expect(clusterProblem('eks-a', clusters)).toBeUndefined();
    expect(clusterProblem('', clusters)).toBeUndefined();
  });

  it("refuses an unknown MSK cluster, and only warns of another cluster's", () => {
    expect(
      mskClusterCheck({ cluster: 'eks-a', mskCluster: 'msk-gone' }, clusters),
    ).toEqual({
      // The rule's words: each MSK cluster once, though two clusters read msk-a.
      problem:
        "mskCluster 'msk-gone' is not a configured MSK cluster (msk-a, msk-c)",
    });
    expect(
      mskClusterCheck({ cluster: 'eks-a', mskCluster: 'msk-c' }, clusters),
    ).toEqual({
      warning:
        "mskCluster must be 'msk-a': cluster 'eks-a' reads lag from that MSK cluster, not 'msk-c'",
    });
    expect(
      mskClusterCheck({ cluster: 'eks-b', mskCluster: 'msk-a' }, clusters),
    ).toEqual({});
    // A cluster without an MSK cluster of its own takes any configured one.
    expect(
      mskClusterCheck({ cluster: 'eks-d', mskCluster: 'msk-c' }, clusters),
    ).toEqual({});
    expect(
      mskClusterCheck({ cluster: 'eks-a', mskCluster: '' }, clusters),
    ).toEqual({});
  });
});
