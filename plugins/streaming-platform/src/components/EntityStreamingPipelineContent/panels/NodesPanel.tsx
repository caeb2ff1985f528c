import { Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { PipelineNodesResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { streamingPlatformApiRef } from '../../../api';
import { TimeRangeId, usePolling, windowOf } from '../../shared';
import { NoSamples } from '../../shared/charts';
import { PolledPanel } from '../charts/PolledPanel';
import { NODE_COLUMNS } from './nodeColumns';

const PAGE_SIZE = 10;

function NodesBody(props: {
  response: PipelineNodesResponse;
  rangeLabel: string;
}) {
  const { nodes } = props.response;
  if (!nodes.length) {
    return (
      <NoSamples title={`No nodes in the last ${props.rangeLabel}`}>
        None of the pipeline's pods was bound to a node in this window, or the
        backend has not recorded any yet: it records pod and NodeClaim
        lifecycles as they happen.
      </NoSamples>
    );
  }
  return (
    <>
      <Table
        columns={NODE_COLUMNS}
        data={nodes}
        options={{
          toolbar: false,
          search: false,
          padding: 'dense',
          paging: nodes.length > PAGE_SIZE,
          pageSize: PAGE_SIZE,
        }}
        style={{ boxShadow: 'none' }}
      />
      <Typography variant="caption" color="textSecondary" component="p">
        Source: recorded pod and Karpenter NodeClaim lifecycles of the
        Kubernetes watch; prices per node from its priceSource (AWS Price List,
        EC2 spot price history or the shipped fallback table).
      </Typography>
    </>
  );
}

/** The nodes and NodeClaims the pipeline's pods ran on in the chosen range. */
export function NodesPanel(props: {
  pipelineRef: string;
  range: TimeRangeId;
  rangeLabel: string;
}) {
  const { pipelineRef, range } = props;
  const api = useApi(streamingPlatformApiRef);
  const nodes = usePolling(
    () => api.getPipelineNodes(pipelineRef, windowOf(range)),
    [api, pipelineRef, range],
  );
  return (
    <PolledPanel
      title="Nodes and NodeClaims"
      subheader="Where the pipeline's pods ran, with each node's price"
      what="nodes and NodeClaims"
      pipelineRef={pipelineRef}
      polled={nodes}
      kinds={['kubernetes', 'prices', 'database']}
    >
      {response => (
        <NodesBody response={response} rangeLabel={props.rangeLabel} />
      )}
    </PolledPanel>
  );
}
