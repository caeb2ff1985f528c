import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import { PipelineRef } from '@internal/backstage-plugin-streaming-platform-common';
import { pipelineLinks } from './pipelineLinks';

/**
 * Which FlinkDeployment the entity's annotation names, and links to the
 * tools configured to show more of it. Needs no backend, so it stays when
 * the backend fails.
 */
export function PipelineIdentityCard(props: { pipelineRef: PipelineRef }) {
  const { pipelineRef } = props;
  const links = pipelineLinks(useApi(configApiRef), pipelineRef);
  return (
    <InfoCard title="Pipeline" titleTypographyProps={{ component: 'h2' }}>
      <StructuredMetadataTable
        metadata={{
          Cluster: pipelineRef.cluster,
          Namespace: pipelineRef.namespace,
          FlinkDeployment: pipelineRef.name,
        }}
      />
      {links.length > 0 && (
        <Box
          component="nav"
          aria-label="Open the pipeline in"
          display="flex"
          flexWrap="wrap"
          gridGap={8}
          mt={2}
        >
          {links.map(link => (
            // An anchor, not LinkButton: it navigates, so it is a link to
            // assistive technology too.
            <Button
              key={link.key}
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              variant="outlined"
              size="small"
              endIcon={<OpenInNewIcon fontSize="small" />}
              aria-label={`${link.title} (opens in a new tab)`}
            >
              {link.title}
            </Button>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
