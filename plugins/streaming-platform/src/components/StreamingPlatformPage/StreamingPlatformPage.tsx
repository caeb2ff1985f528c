import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { PlatformOverview } from '../PlatformOverview';
import { TeamDashboardPage } from '../TeamDashboard';

/**
 * The body of the /streaming-platform page, for either frontend system: the
 * team dashboard (for the team in `?group=`, or the user's own) and, at
 * /streaming-platform/platform, the platform overview.
 */
export function StreamingPlatformPageContent() {
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title="Teams">
        <TeamDashboardPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/platform" title="Platform">
        <PlatformOverview />
      </TabbedLayout.Route>
    </TabbedLayout>
  );
}

/** The /streaming-platform page with its own header, for the legacy app. */
export function StreamingPlatformPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Streaming platform"
        subtitle="Flink pipelines on Karpenter-backed EKS: scaling, spot mix, lag and cost"
      />
      <StreamingPlatformPageContent />
    </Page>
  );
}
