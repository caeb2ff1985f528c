import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect } from 'react';
import { clusterLabel, clusterProblem } from './clusterOptions';
import { OptionsSelect } from './OptionsSelect';
import { useSelfServiceOptions } from './useSelfServiceOptions';

type Props = FieldExtensionComponentProps<string>;

/**
 * The scaffolder field `StreamingPlatformCluster`: the EKS cluster of the
 * "New Flink streaming pipeline" form, one of the clusters the backend is
 * configured with (`GET /self-service/options`), so the template needs no
 * list of its own. An empty field takes the first cluster once they are
 * known: a portal with one cluster needs no click, and the fields that
 * follow the cluster (the MSK cluster, the cost estimate) have one at once.
 */
export function StreamingPlatformCluster(props: Props) {
  const { schema, uiSchema, idSchema, formData, onChange } = props;
  const options = useSelfServiceOptions();
  const clusters = options.value?.clusters;
  const first = clusters?.[0]?.name;

  useEffect(() => {
    if (!formData && first) onChange(first);
  }, [formData, first, onChange]);

  return (
    <OptionsSelect
      id={idSchema?.$id || 'root_cluster'}
      label={schema.title ?? 'Cluster'}
      value={formData}
      options={clusters?.map(c => ({ value: c.name, label: clusterLabel(c) }))}
      onChange={onChange}
      loading={options.loading}
      loadError={options.error}
      problem={clusters && clusterProblem(formData, clusters)}
      description={uiSchema?.['ui:description'] ?? schema.description}
      required={props.required}
      disabled={props.disabled}
      readonly={props.readonly}
      hasErrors={(props.rawErrors ?? []).length > 0}
      focusOnMount={uiSchema?.['ui:autofocus']}
    />
  );
}
