import CircularProgress from '@material-ui/core/CircularProgress';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { HTMLAttributes } from 'react';

const useStyles = makeStyles(theme => ({
  helper: { marginLeft: 0 },
  warning: { color: theme.palette.warning.main },
}));

/** Stands in for the select's arrow while the options load. */
function Loading(props: { className?: string }) {
  return (
    <CircularProgress
      size={20}
      className={props.className}
      aria-label="Loading the options"
    />
  );
}

/**
 * A failed request in words: a `ResponseError`'s message has only the HTTP
 * status, the backend's reason is in its body.
 */
function reasonOf(error: Error): string {
  const body = (error as { body?: { error?: { message?: unknown } } }).body;
  const reason = body?.error?.message;
  return typeof reason === 'string' && reason && reason !== error.message
    ? `${error.message}: ${reason}`
    : error.message;
}

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A select over options from the backend, as the form's fields look: the
 * schema's title and required mark, and under it the first of: why the
 * options could not be loaded, what is wrong with the value, a warning, the
 * description. A value outside the options stays listed, so it shows.
 */
export function OptionsSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: SelectOption[] | undefined;
  onChange: (value: string) => void;
  loading: boolean;
  /** Why the options could not be loaded. */
  loadError?: Error;
  /** What of the rules the value breaks. */
  problem?: string;
  warning?: string;
  description?: string;
  required?: boolean;
  disabled?: boolean;
  readonly?: boolean;
  /** rjsf's errors for the field; the form lists them under it. */
  hasErrors?: boolean;
  /** The template's `ui:autofocus`. */
  focusOnMount?: boolean;
}) {
  const classes = useStyles();
  const { id, value = '', options = [], loadError, problem, warning } = props;
  const listed =
    value && !options.some(o => o.value === value)
      ? [...options, { value, label: value }]
      : options;
  const loadProblem =
    loadError && `Could not load the options: ${reasonOf(loadError)}`;
  const helperText =
    loadProblem ?? problem ?? warning ?? props.description ?? undefined;
  const error = !!loadProblem || !!problem || !!props.hasErrors;
  return (
    <TextField
      select
      id={id}
      label={props.label}
      required={props.required}
      disabled={props.disabled || props.loading}
      value={value}
      onChange={event => props.onChange(event.target.value as string)}
      margin="normal"
      error={error}
      helperText={helperText}
      FormHelperTextProps={{
        margin: 'dense',
        className:
          warning && !error
            ? `${classes.helper} ${classes.warning}`
            : classes.helper,
      }}
      InputProps={{ readOnly: props.readonly }}
      SelectProps={{
        autoFocus: props.focusOnMount,
        IconComponent: props.loading ? Loading : undefined,
        // MUI describes the hidden input; the user meets the button.
        SelectDisplayProps: {
          'aria-describedby': helperText ? `${id}-helper-text` : undefined,
          'aria-invalid': error,
        } as HTMLAttributes<HTMLDivElement>,
      }}
    >
      {listed.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
