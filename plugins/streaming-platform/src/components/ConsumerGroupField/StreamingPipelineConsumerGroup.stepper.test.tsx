import { renderInTestApp } from '@backstage/frontend-test-utils';
import { TemplateParameterSchema } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { validateConsumerGroup } from './consumerGroup';
import { CONSUMER_GROUP_FIELD_NAME } from './schema';
import { StreamingPipelineConsumerGroup } from './StreamingPipelineConsumerGroup';

/** The template's consumerGroup, but for the help text. */
const consumerGroup = {
  title: 'Consumer group',
  type: 'string',
  description: 'The Kafka consumer group; unique on the MSK cluster.',
  pattern: '^[!-9;-~]+$',
  maxLength: 255,
  'ui:field': CONSUMER_GROUP_FIELD_NAME,
  'ui:help': 'consumerGroup: follows <namespace>.<name> until you edit it.',
};

/** A two-page cut of the template: the name, then namespace and group. */
const manifest = (group: object = consumerGroup): TemplateParameterSchema => ({
  title: 'New Flink streaming pipeline',
  steps: [
    {
      title: 'About',
      schema: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', title: 'Name' } },
      },
    },
    {
      title: 'Where / Source',
      schema: {
        type: 'object',
        required: ['namespace', 'consumerGroup'],
        properties: {
          namespace: { type: 'string', title: 'Namespace' },
          consumerGroup: group,
        },
      },
    },
  ],
});

const MESSAGE =
  'consumerGroup must not contain ":" (MSK publishes no lag metrics for such groups)';

async function renderStepper(group?: object) {
  const onCreate = jest.fn();
  await renderInTestApp(
    <Stepper
      manifest={manifest(group)}
      extensions={[
        {
          name: CONSUMER_GROUP_FIELD_NAME,
          component: StreamingPipelineConsumerGroup,
          validation: validateConsumerGroup,
        },
      ]}
      onCreate={onCreate}
    />,
  );
  return { onCreate };
}

const textbox = (name: string) => screen.getByRole('textbox', { name });
const click = (name: string) =>
  userEvent.click(screen.getByRole('button', { name }));

/** Fills in the name on About and goes on to the group's page. */
async function aboutPage(name: string) {
  await userEvent.type(textbox('Name'), name);
  await click('Next');
}

/** From the review page back to About, a new name, and on to the group. */
async function renameFromReview(name: string) {
  await click('Back');
  await click('Back');
  await userEvent.clear(textbox('Name'));
  await userEvent.type(textbox('Name'), name);
  await click('Next');
}

describe('StreamingPipelineConsumerGroup in the scaffolder stepper', () => {
  // The stepper scrolls to the top of each page; jsdom cannot.
  beforeEach(() => {
    jest.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });

  it('proposes <namespace>.<name> from both pages, and the review and the run get it', async () => {
    const { onCreate } = await renderStepper();
    await aboutPage('fraud-scoring');

    expect(textbox('Consumer group')).toHaveValue('');
    await userEvent.type(textbox('Namespace'), 'payments');
    expect(textbox('Consumer group')).toHaveValue('payments.fraud-scoring');
    // The form shows the template's help under the field, once.
    expect(
      screen.getAllByText(
        'consumerGroup: follows <namespace>.<name> until you edit it.',
      ),
    ).toHaveLength(1);

    await click('Review');
    const review = await screen.findByRole('table');
    expect(review).toHaveTextContent('Consumer grouppayments.fraud-scoring');

    // A new name on About: the proposed group follows it.
    await renameFromReview('fraud-alerts');
    await waitFor(() =>
      expect(textbox('Consumer group')).toHaveValue('payments.fraud-alerts'),
    );
    await click('Review');
    expect(await screen.findByRole('table')).toHaveTextContent(
      'Consumer grouppayments.fraud-alerts',
    );
    await click('Create');
    expect(onCreate).toHaveBeenCalledWith({
      name: 'fraud-alerts',
      namespace: 'payments',
      consumerGroup: 'payments.fraud-alerts',
    });
  });

  it("keeps the user's group when the user comes back to the page", async () => {
    const { onCreate } = await renderStepper();
    await aboutPage('fraud-scoring');
    await userEvent.type(textbox('Namespace'), 'payments');
    await userEvent.type(textbox('Consumer group'), '-v2');

    await click('Review');
    await screen.findByRole('table');
    await renameFromReview('fraud-alerts');
    expect(textbox('Consumer group')).toHaveValue('payments.fraud-scoring-v2');
    await click('Review');
    await screen.findByRole('table');
    await click('Create');
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({ consumerGroup: 'payments.fraud-scoring-v2' }),
    );
  });

  it.each([
    ["the template's schema", consumerGroup],
    ['a schema without the pattern', { ...consumerGroup, pattern: undefined }],
  ])(
    'keeps the user on the page with a ":" in the group, with %s',
    async (_, group) => {
      const { onCreate } = await renderStepper(group);
      await aboutPage('fraud-scoring');
      await userEvent.type(textbox('Namespace'), 'payments');
      await userEvent.type(textbox('Consumer group'), ':v2');
      expect(textbox('Consumer group')).toHaveAccessibleDescription(MESSAGE);

      await click('Review');
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
      expect(textbox('Consumer group')).toBeInvalid();
      expect(textbox('Consumer group')).toHaveValue(
        'payments.fraud-scoring:v2',
      );
      expect(onCreate).not.toHaveBeenCalled();
    },
  );

  it("lists the field validation's message when it alone stops the user", async () => {
    await renderStepper({ ...consumerGroup, pattern: undefined });
    await aboutPage('fraud-scoring');
    await userEvent.type(textbox('Namespace'), 'payments');
    await userEvent.type(textbox('Consumer group'), ':v2');
    await click('Review');
    // On the field, and in the form's list of errors under it.
    expect(await screen.findAllByText(MESSAGE)).toHaveLength(2);
  });
});
