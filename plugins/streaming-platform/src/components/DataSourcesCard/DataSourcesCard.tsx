import {
  InfoCard,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import {
  DataSourceState,
  DataSourceStatus,
} from '@internal/backstage-plugin-streaming-platform-common';

const STATE_LABELS: Record<DataSourceState, string> = {
  ok: 'current',
  stale: 'stale',
  error: 'failing',
  'not-connected': 'not connected',
};

function StateIcon({ state }: { state: DataSourceState }) {
  switch (state) {
    case 'ok':
      return <StatusOK>{STATE_LABELS[state]}</StatusOK>;
    case 'stale':
      return <StatusWarning>{STATE_LABELS[state]}</StatusWarning>;
    case 'error':
      return <StatusError>{STATE_LABELS[state]}</StatusError>;
    default:
      return <StatusAborted>{STATE_LABELS[state]}</StatusAborted>;
  }
}

/** The sources behind the backend's answer, each with its state and message. */
export function DataSourcesCard(props: { sources: DataSourceStatus[] }) {
  return (
    <InfoCard
      title="Data sources"
      subheader="Where the live figures come from, as the streaming-platform backend reports"
    >
      <List dense aria-label="Data sources">
        {props.sources.map(source => (
          <ListItem key={`${source.kind}:${source.id}`} disableGutters>
            <ListItemText
              // Messages are sentences: wrap them rather than clip them.
              secondaryTypographyProps={{ style: { whiteSpace: 'normal' } }}
              primary={
                <>
                  <StateIcon state={source.state} /> {source.kind}
                  {source.id !== '*' ? ` · ${source.id}` : ''}
                </>
              }
              secondary={
                <>
                  {source.message}
                  {source.lastSuccessAt
                    ? ` Last good data: ${new Date(
                        source.lastSuccessAt,
                      ).toLocaleString()}.`
                    : ''}
                  {source.error ? ` Error: ${source.error.message}` : ''}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
