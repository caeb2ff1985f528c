import { InputError } from '@backstage/errors';
import { KubeConfig, User } from '@kubernetes/client-node';
import { ClusterConnection } from './clusterConnection';
import { AwsCredentials, EksTokenSource } from './eksToken';

export { eksToken } from './eksToken';

/** The auth-provider name under which EKS users carry their cluster. */
const EKS_AUTH_PROVIDER = 'streaming-platform-eks';

type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];

/**
 * Puts a fresh EKS token on every request of the users it owns. client-node
 * asks its authenticators on each list and each watch, so a long-running
 * watcher picks up the refreshed token on its next request.
 */
class EksAuthenticator implements Authenticator {
  constructor(
    private readonly clusterName: string,
    private readonly tokens: EksTokenSource,
  ) {}

  isAuthProvider(user: User): boolean {
    return (
      user.authProvider?.name === EKS_AUTH_PROVIDER &&
      user.authProvider?.config?.clusterName === this.clusterName
    );
  }

  async applyAuthentication(
    _user: User,
    opts: Parameters<Authenticator['applyAuthentication']>[1],
  ): Promise<void> {
    const token = await this.tokens.token();
    // KubeConfig sets `headers` to an object before asking authenticators.
    opts.headers = {
      ...(opts.headers as Record<string, string>),
      Authorization: `Bearer ${token}`,
    };
  }
}

function singleClusterConfig(options: {
  name: string;
  server: string;
  caData?: string;
  skipTLSVerify?: boolean;
  user: User;
}): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: options.name,
        server: options.server,
        caData: options.caData,
        skipTLSVerify: options.skipTLSVerify ?? false,
      },
    ],
    users: [options.user],
    contexts: [
      { name: options.name, cluster: options.name, user: options.user.name },
    ],
    currentContext: options.name,
  });
  return kc;
}

/**
 * A client-node KubeConfig for one cluster connection. For `aws`, the
 * config's user gets its bearer token from an EKS token source that re-signs
 * before the token expires; `awsCredentials` overrides the default AWS
 * credential chain (tests).
 */
export async function createKubeConfig(
  connection: ClusterConnection,
  options: { awsCredentials?: AwsCredentials; now?: () => number } = {},
): Promise<KubeConfig> {
  switch (connection.authProvider) {
    case 'kubeconfig': {
      const kc = new KubeConfig();
      if (connection.kubeconfigPath) {
        kc.loadFromFile(connection.kubeconfigPath);
      } else {
        kc.loadFromDefault();
      }
      if (connection.context) {
        if (!kc.getContextObject(connection.context)) {
          throw new InputError(
            `Kubeconfig of cluster ${connection.name} has no context ${connection.context}`,
          );
        }
        kc.setCurrentContext(connection.context);
      }
      return kc;
    }
    case 'serviceAccount': {
      if (!connection.url) {
        const kc = new KubeConfig();
        kc.loadFromCluster();
        return kc;
      }
      return singleClusterConfig({
        name: connection.name,
        server: connection.url,
        caData: connection.caData,
        skipTLSVerify: connection.skipTLSVerify,
        user: { name: connection.name, token: connection.token },
      });
    }
    case 'aws': {
      const kc = singleClusterConfig({
        name: connection.name,
        server: connection.url,
        caData: connection.caData,
        skipTLSVerify: connection.skipTLSVerify,
        user: {
          name: connection.name,
          authProvider: {
            name: EKS_AUTH_PROVIDER,
            config: { clusterName: connection.name, region: connection.region },
          },
        },
      });
      kc.addAuthenticator(
        new EksAuthenticator(
          connection.name,
          new EksTokenSource({
            clusterName: connection.name,
            region: connection.region,
            credentials: options.awsCredentials,
            now: options.now,
          }),
        ),
      );
      return kc;
    }
    default:
      throw new InputError(
        `Unknown authProvider of cluster connection ${
          (connection as { name?: string }).name
        }`,
      );
  }
}
