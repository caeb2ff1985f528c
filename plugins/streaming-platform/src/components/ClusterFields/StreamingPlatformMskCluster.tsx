import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect, useRef, useState } from 'react';
import { FormAccess, formValues } from '../shared';
import {
  mskClusterCheck,
  mskClusterNames,
  mskClusterOf,
} from './clusterOptions';
import { OptionsSelect } from './OptionsSelect';
import { useSelfServiceOptions } from './useSelfServiceOptions';

type Props = FieldExtensionComponentProps<string>;

/**
 * The last value each field (by its rjsf id) proposed. The stepper mounts a
 * page's fields afresh whenever the user comes back to the page: a value the
 * field proposed itself is not the user's and follows the cluster again;
 * any other value is the user's and stays.
 */
const lastProposed = new Map<string, string>();

/**
 * The scaffolder field `StreamingPlatformMskCluster`: the MSK cluster of the
 * "New Flink streaming pipeline" form, one of those the backend's clusters
 * are configured with. It follows the MSK cluster of the form's `cluster`
 * until the user picks another one; picking the cluster's own follows
 * again. A pick the chosen cluster does not read lag from gets a warning,
 * not an error: the user may be about to change the cluster, and the
 * backend's validation refuses the pair anyway.
 */
export function StreamingPlatformMskCluster(props: Props) {
  const { schema, uiSchema, idSchema, formData, onChange } = props;
  const id = idSchema?.$id || 'root_mskCluster';
  const options = useSelfServiceOptions();
  const clusters = options.value?.clusters;
  const { cluster } = formValues(props as FormAccess);
  const proposal = clusters && mskClusterOf(clusters, cluster);
  const [edited, setEdited] = useState(
    () => !!formData && formData !== lastProposed.get(id),
  );

  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    // Nothing to follow before the options, or for a cluster without one.
    if (edited || proposal === undefined) return;
    lastProposed.set(id, proposal);
    if (latest.current.formData !== proposal) latest.current.onChange(proposal);
  }, [edited, proposal, id]);

  const handleChange = (value: string) => {
    setEdited(value !== proposal);
    onChange(value);
  };

  const check = clusters
    ? mskClusterCheck({ cluster, mskCluster: formData }, clusters)
    : {};
  return (
    <OptionsSelect
      id={id}
      label={schema.title ?? 'MSK cluster'}
      value={formData}
      options={
        clusters &&
        mskClusterNames(clusters).map(name => ({ value: name, label: name }))
      }
      onChange={handleChange}
      loading={options.loading}
      loadError={options.error}
      problem={check.problem}
      warning={check.warning}
      description={uiSchema?.['ui:description'] ?? schema.description}
      required={props.required}
      disabled={props.disabled}
      readonly={props.readonly}
      hasErrors={(props.rawErrors ?? []).length > 0}
      focusOnMount={uiSchema?.['ui:autofocus']}
    />
  );
}
