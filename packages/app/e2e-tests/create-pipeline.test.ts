import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

const SCREENSHOTS = path.resolve(
  __dirname,
  '../../../e2e-test-results/screenshots',
);

async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
  });
}

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** A form field by its label (required fields add " *"). */
function field(
  page: Page,
  label: string,
  role: 'textbox' | 'spinbutton' = 'textbox',
) {
  return page.getByRole(role, {
    name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`),
  });
}

/** A number field (integer and number schemas render as spin buttons). */
function numberField(page: Page, label: string) {
  return field(page, label, 'spinbutton');
}

async function next(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
}

// A name of its own per run: the e2e portal's catalog and emulator start
// empty of it, and the name rules (DNS label, ≤ 45) hold.
const NAME = `e2e-fraud-${Date.now().toString(36)}`;

test.describe('creating a pipeline from the template', () => {
  test.setTimeout(300_000);

  test('a new user fills the form; the pipeline is in the catalog and, within a minute, on the team dashboard', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/create');
    await expect(
      page.getByText('New Flink streaming pipeline').first(),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Choose' }).first().click();

    // About
    await field(page, 'Name').fill(NAME);
    await field(page, 'Description').fill(
      'Flags card transactions that match known fraud patterns.',
    );
    const owner = field(page, 'Owner');
    await owner.click();
    // The picker lists the catalog's Groups by title.
    await page.getByRole('option', { name: /Payments/ }).click();
    await screenshot(page, '20-create-about');
    await next(page);

    // Where / Source
    await field(page, 'Namespace').fill('payments');
    // The form starts the list with the one topic it needs.
    if (!(await field(page, 'topics-0').count())) {
      await page.getByRole('button', { name: 'Add Item' }).click();
    }
    await field(page, 'topics-0').fill('card-transactions');
    await field(page, 'Consumer group').fill(`payments.${NAME}`);
    await numberField(page, 'Partitions').fill('24');
    await next(page);

    // Processing
    await field(page, 'Job jar').fill(
      's3://streaming-artifacts/payments/card-fraud-1.0.0.jar',
    );
    await field(page, 'Entry class').fill('com.example.payments.CardFraudJob');
    await numberField(page, 'Initial parallelism').fill('4');
    await numberField(page, 'Minimum parallelism').fill('2');
    await numberField(page, 'Maximum parallelism').fill('12');
    await next(page);

    // Sink: an http endpoint is refused, naming the field.
    await field(page, 'Splunk HEC endpoint').fill(
      'http://hec.example.com:8088',
    );
    await field(page, 'Splunk index').fill('payments_fraud');
    await field(page, 'Splunk sourcetype').fill('flink:card-fraud');
    await field(page, 'HEC token secret').fill('streaming/payments/splunk-hec');
    await next(page);
    await expect(
      page.getByText(/must match pattern|https/).first(),
    ).toBeVisible();
    await field(page, 'Splunk HEC endpoint').fill(
      'https://hec.example.com:8088',
    );
    await next(page);

    // Capacity and resilience
    await field(page, 'Checkpoint path').fill(`s3://flink-state/${NAME}`);
    await next(page);

    // Cost: the live estimate, from the backend, for both profiles.
    await expect(page.getByText(/spot-first/i).first()).toBeVisible();
    await expect(page.getByText(/\(selected\)/).first()).toBeVisible();
    await expect(page.getByText(/\$\d/).first()).toBeVisible();
    await screenshot(page, '21-create-cost-estimate');
    await page.getByRole('button', { name: 'Review' }).click();

    await screenshot(page, '22-create-review');
    await page.getByRole('button', { name: 'Create' }).click();

    // The run: every step, then the link to the new entity.
    const open = page.getByRole('link', {
      name: 'Open the pipeline in the catalog',
    });
    await expect(open).toBeVisible({ timeout: 120_000 });
    await screenshot(page, '23-create-done');
    await open.click();
    await expect(page.getByRole('heading', { name: NAME })).toBeVisible();

    // Within a minute the team dashboard lists it with live data from the
    // cluster's watches: the job state its FlinkDeployment reports.
    const started = Date.now();
    await page.goto('/streaming-platform');
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await expect(row).toBeVisible({ timeout: 60_000 });
    await expect(row).toContainText(/CREATED|RUNNING/, { timeout: 60_000 });
    expect(Date.now() - started).toBeLessThan(60_000);
    await screenshot(page, '24-create-on-team-dashboard');
    // The JobManager then starts its TaskManagers on Karpenter's nodes, and
    // the job runs: a minute or two on the emulator.
    await expect(row).toContainText('TM 2/2', { timeout: 180_000 });
    await expect(row).toContainText(/RUNNING/, { timeout: 180_000 });
    await screenshot(page, '25-create-running');
  });
});
