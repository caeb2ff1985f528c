import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/**
 * A panel with nothing to draw yet, saying why and what to do: quieter than
 * an EmptyState, which would dwarf the panels beside it.
 */
export function NoSamples(props: { title?: string; children: string }) {
  return (
    <Box py={4} px={2} textAlign="center" role="status">
      <Typography variant="subtitle1" gutterBottom>
        {props.title ?? 'No samples in this window yet'}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.children}
      </Typography>
    </Box>
  );
}
