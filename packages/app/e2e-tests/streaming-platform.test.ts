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

  test('the streaming platform page lists every pipeline and the state of the data sources', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await sidebar(page)
      .getByRole('link', { name: 'Streaming platform' })
      .click();
    await expect(page).toHaveURL(/\/streaming-platform$/);
    const table = page.getByRole('table');
    await expect(
      table.getByRole('link', { name: 'Card authorizations' }),
    ).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(1 + 12);
    await expect(table.getByText('eks-demo-eu-west-1').first()).toBeVisible();
    const sources = page.getByRole('list', { name: 'Data sources' });
    // The portal runs on the embedded platform emulator, watches it as it
    // would a real cluster, and says so.
    await expect(sources).toContainText(
      "Emulated cluster 'eks-demo-eu-west-1' (platform emulator, scenario demo)",
    );
    await expect(sources).toContainText('watching; data is current');
    await expect(sources).toContainText('On-demand prices (AWS Price List)');
    await screenshot(page, '02-streaming-platform-page');
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
    await screenshot(page, '03-pipeline-streaming-tab');
  });

  test("a team's Streaming tab lists the pipelines the team owns", async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/catalog/default/group/team-risk');
    await page.getByRole('link', { name: 'Streaming', exact: true }).click();
    const table = page.getByRole('table');
    await expect(
      table.getByRole('link', { name: 'Fraud scoring' }),
    ).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(1 + 4);
    await expect(
      table.getByRole('link', { name: 'Card authorizations' }),
    ).toHaveCount(0);
    await screenshot(page, '04-team-streaming-tab');
  });
});
