// The ObjectMeta rules every API server applies, whatever the kind: a
// server rejects the object on any of them, after the scaffolder has
// already created the repository.
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function keyProblem(key: string): string | undefined {
  const [prefix, name] = key.includes('/')
    ? key.split('/', 2)
    : [undefined, key];
  if (
    prefix !== undefined &&
    (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
  ) {
    return `prefix of ${key} is not a DNS subdomain`;
  }
  if (name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return `${key} is not a qualified name`;
  }
  return undefined;
}

/** What a Kubernetes API server would reject in an object's identity and metadata. */
export function kubeObjectProblems(object: any): string[] {
  const problems: string[] = [];
  const add = (problem: string | undefined) =>
    problem && problems.push(problem);
  if (
    typeof object?.apiVersion !== 'string' ||
    typeof object?.kind !== 'string'
  ) {
    return ['apiVersion and kind must be strings'];
  }
  const {
    name,
    namespace,
    labels = {},
    annotations = {},
  } = object.metadata ?? {};
  if (
    typeof name !== 'string' ||
    name.length > 253 ||
    !DNS_SUBDOMAIN.test(name)
  ) {
    add(`metadata.name ${JSON.stringify(name)} is not a DNS subdomain`);
  }
  if (
    typeof namespace !== 'string' ||
    namespace.length > 63 ||
    !DNS_LABEL.test(namespace)
  ) {
    add(`metadata.namespace ${JSON.stringify(namespace)} is not a DNS label`);
  }
  for (const [key, value] of Object.entries(labels)) {
    add(keyProblem(key));
    if (
      typeof value !== 'string' ||
      value.length > 63 ||
      !LABEL_VALUE.test(value)
    ) {
      add(`label ${key}: ${JSON.stringify(value)} is not a label value`);
    }
  }
  for (const [key, value] of Object.entries(annotations)) {
    add(keyProblem(key));
    if (typeof value !== 'string') {
      add(`annotation ${key} must be a string`);
    }
  }
  return problems;
}
