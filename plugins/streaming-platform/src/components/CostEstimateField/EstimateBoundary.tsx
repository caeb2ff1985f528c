import Typography from '@material-ui/core/Typography';
import { Component, ErrorInfo, ReactNode } from 'react';

/**
 * Keeps a fault in the estimate inside the field: the scaffolder renders
 * every field in one form, and a throw would take the whole form, and what
 * the user typed, with it.
 */
export class EstimateBoundary extends Component<
  { children: ReactNode },
  { error?: Error }
> {
  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  state: { error?: Error } = {};

  componentDidCatch(error: Error, info: ErrorInfo) {
    // eslint-disable-next-line no-console
    console.error('The cost estimate failed to render', error, info);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Typography variant="body2" color="error" role="alert">
        The cost estimate could not be shown ({this.state.error.message}). The
        rest of the form is not affected.
      </Typography>
    );
  }
}
