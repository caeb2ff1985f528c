import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { Table, TableColumn } from '@backstage/core-components';
import {
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  PipelineRef,
  STREAMING_PIPELINE_ANNOTATION,
  parsePipelineRef,
  stringifyPipelineRef,
} from '@internal/backstage-plugin-streaming-platform-common';
import { ReactNode } from 'react';

interface Row {
  id: string;
  entity: Entity;
  ref?: PipelineRef;
  refProblem?: string;
  live?: boolean;
}

function toRow(entity: Entity, knownRefs?: Set<string>): Row {
  const id = `${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`;
  const value = entity.metadata.annotations?.[STREAMING_PIPELINE_ANNOTATION];
  if (!value) {
    return {
      id,
      entity,
      refProblem: `No ${STREAMING_PIPELINE_ANNOTATION} annotation`,
    };
  }
  try {
    const ref = parsePipelineRef(value);
    return { id, entity, ref, live: knownRefs?.has(stringifyPipelineRef(ref)) };
  } catch (e) {
    return { id, entity, refProblem: (e as Error).message };
  }
}

function liveCell(row: Row, knownRefs?: Set<string>): ReactNode {
  if (!row.ref) return '—';
  if (!knownRefs) return 'Backend unavailable';
  return row.live ? 'Reported by the backend' : 'No live data yet';
}

/**
 * Pipeline Components from the catalog, each with the FlinkDeployment its
 * annotation names and whether the backend has live data for it.
 */
export function CatalogPipelinesTable(props: {
  title: string;
  entities: Entity[];
  /** Pipeline refs the backend knows; undefined when it could not be asked. */
  knownRefs?: Set<string>;
  emptyContent?: ReactNode;
}) {
  const { title, entities, knownRefs, emptyContent } = props;
  const rows = entities.map(entity => toRow(entity, knownRefs));
  const columns: TableColumn<Row>[] = [
    {
      title: 'Pipeline',
      field: 'entity.metadata.name',
      highlight: true,
      render: row => <EntityRefLink entityRef={row.entity} />,
    },
    {
      title: 'Owner',
      render: row => (
        <EntityRefLinks
          entityRefs={getEntityRelations(row.entity, RELATION_OWNED_BY)}
          defaultKind="group"
        />
      ),
    },
    {
      title: 'Cluster',
      field: 'ref.cluster',
      render: row =>
        row.ref ? (
          row.ref.cluster
        ) : (
          <Typography variant="body2" color="error">
            {row.refProblem}
          </Typography>
        ),
    },
    { title: 'Namespace', field: 'ref.namespace' },
    { title: 'FlinkDeployment', field: 'ref.name' },
    { title: 'Live data', render: row => liveCell(row, knownRefs) },
  ];
  return (
    <Table<Row>
      title={title}
      options={{
        paging: false,
        search: entities.length > 10,
        padding: 'dense',
      }}
      columns={columns}
      data={rows}
      emptyContent={emptyContent}
    />
  );
}
