import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

const SCREENSHOTS = path.resolve(
  __dirname,
  '../../../e2e-test-results/screenshots',
);

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  // The nav element itself has no box of its own; its links do.
  await expect(
    sidebar(page).getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'sidebar nav' });
}

test.describe('streaming platform portal', () => {
  test('the backend answers /health openly and guards /pipelines', async ({
    request,
  }, testInfo) => {
    const backendUrl = testInfo.project.metadata.backendUrl as string;
    const health = await request.get(
      `${backendUrl}/api/streaming-platform/health`,
    );
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const pipelines = await request.get(
      `${backendUrl}/api/streaming-platform/pipelines`,
    );
    expect(pipelines.status()).toBe(401);
  });

  test('a guest sees the pipelines in the catalog', async ({ page }) => {
    await signInAsGuest(page);
    // The catalog is the landing page; a guest first sees what team-payments owns.
    await expect(page.getByText('Owned Components (4)')).toBeVisible();
    await page.getByRole('menuitem', { name: /^All/ }).click();
    await expect(page.getByText('All Components (12)')).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Card authorizations' }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Fraud scoring' }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Clickstream sessions' }),
    ).toBeVisible();
    await screenshot(page, '01-catalog-pipelines');
  });

  test("the streaming platform page is the guest's team dashboard, with live figures", async ({
    page,
  }) => {
    await signInAsGuest(page);
    await sidebar(page)
      .getByRole('link', { name: 'Streaming platform' })
      .click();
    // The guest is a member of team-payments: that is the default team.
    await expect(page).toHaveURL(
      /\/streaming-platform\?group=group(%3A|:)default(%2F|\/)team-payments$/,
    );
    await expect(
      page.getByRole('status', { name: 'Data from the platform emulator' }),
    ).toBeVisible();
    const table = page.getByRole('table', {
      name: 'Streaming pipelines owned by Payments',
    });
    for (const name of [
      'Card authorizations',
      'Payment settlements',
      'Refunds ledger',
      'Currency rates',
    ]) {
      await expect(table.getByRole('link', { name })).toBeVisible();
    }
    await expect(
      table.getByRole('link', { name: 'Fraud scoring' }),
    ).toHaveCount(0);
    // Real figures from the backend: a job state, a spot share and a cost
    // per day on every row, and the totals row.
    const cards = table.getByRole('row', { name: /Card authorizations/ });
    await expect(cards).toContainText(/RUNNING|RESTARTING|CREATED|FAILED/);
    await expect(cards).toContainText(/\d+ %/);
    // Cost per day at the current rate: a real, non-zero estimate.
    await expect(cards).toContainText(/\$(?!0\.00)\d+\.\d\d/);
    await expect(table.getByRole('row', { name: /^Total/ })).toContainText(
      /4 pipelines/,
    );
    const sources = page.getByRole('list', { name: 'Data sources' });
    await expect(sources).toContainText(
      "Emulated cluster 'eks-demo-eu-west-1' (platform emulator, scenario demo)",
    );
    await screenshot(page, '02-team-dashboard');
  });

  test('the platform overview shows every NodePool with its spot share, cost and latencies', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/streaming-platform');
    await page.getByRole('tab', { name: 'Platform' }).click();
    await expect(page).toHaveURL(/\/streaming-platform\/platform$/);
    const cluster = page.getByRole('region', { name: 'eks-demo-eu-west-1' });
    await expect(cluster).toContainText(/\d+ %/);
    await expect(
      page.getByRole('heading', { name: 'NodePools of eks-demo-eu-west-1' }),
    ).toBeVisible();
    // A NodePool row: nodes by capacity type, spot share, cost per hour and
    // launch latency percentiles, as the backend computed them.
    await expect(
      page.getByRole('row', {
        name: /^flink-spot-first Karpenter NodePool \d+ spot \d+ % \$\d+\.\d\d .*p50 \d+/,
      }),
    ).toBeVisible();
    // Right after the portal starts, the minute samples behind the chart may
    // not be recorded yet (the page says "no samples"); the page polls every
    // 30 s and draws the chart once they are.
    await expect(
      page.getByRole('img', { name: /^Nodes by capacity type/ }).first(),
    ).toBeVisible({ timeout: 90_000 });
    await expect(
      page.getByRole('region', {
        name: 'Pipelines stuck on on-demand capacity',
      }),
    ).toBeVisible();
    await screenshot(page, '05-platform-overview');
  });

  test("a pipeline's Streaming tab shows its FlinkDeployment and its live state", async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/catalog/default/component/fraud-scoring');
    await page.getByRole('link', { name: 'Streaming', exact: true }).click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/component\/fraud-scoring\/streaming$/,
    );
    await expect(
      page.getByRole('row', { name: 'Cluster eks-demo-eu-west-1' }),
    ).toBeVisible();
    await expect(
      page.getByRole('row', { name: 'Namespace risk' }),
    ).toBeVisible();
    await expect(
      page.getByRole('row', { name: 'Flink Deployment fraud-scoring' }),
    ).toBeVisible();
    // Live data from the backend's watches of the emulated cluster.
    await expect(
      page.getByRole('row', { name: /^Job State [A-Z_]+$/ }),
    ).toBeVisible();
    await expect(
      page.getByRole('row', {
        name: /^Spot Share Now \d+ % of requested vCPU$/,
      }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /^Lag / })).toContainText(
      'target 120 s',
    );
    // The panels: lag against its target, scaling, spot mix, cost, nodes.
    await expect(
      page.getByRole('img', { name: /^Lag over the last 6 h/ }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Nodes and NodeClaims' }),
    ).toBeVisible();
    // A node the pipeline ran on: its NodeClaim, type, zone, capacity and price.
    await expect(
      page
        .getByRole('row', {
          name: /^ip-[\d-]+\..* NodeClaim flink-.* (Spot|On-demand) \$\d+\.\d+\/h/,
        })
        .first(),
    ).toBeVisible();
    await screenshot(page, '03-pipeline-streaming-tab');
  });

  test("a pipeline's overview card shows its state, lag and cost per day", async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/catalog/default/component/card-authorizations');
    await expect(
      page.getByRole('row', { name: /^Job State [A-Z_]+$/ }),
    ).toBeVisible();
    await expect(
      page.getByRole('row', { name: /^Cost Per Day / }),
    ).toContainText(/\$\d/);
    await screenshot(page, '06-pipeline-overview-card');
  });

  test("a team's Streaming tab lists the pipelines the team owns", async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/catalog/default/group/team-risk');
    await page.getByRole('link', { name: 'Streaming', exact: true }).click();
    const table = page.getByRole('table', {
      name: 'Streaming pipelines owned by Risk',
    });
    await expect(
      table.getByRole('link', { name: 'Fraud scoring' }),
    ).toBeVisible();
    await expect(table.getByRole('row', { name: /^Total/ })).toContainText(
      /4 pipelines/,
    );
    await expect(
      table.getByRole('link', { name: 'Card authorizations' }),
    ).toHaveCount(0);
    await screenshot(page, '04-team-streaming-tab');
  });
});
