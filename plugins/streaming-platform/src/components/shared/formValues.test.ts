import { formValues } from './formValues';

describe('formValues', () => {
  it("reads the stepper's values from formContext", () => {
    expect(formValues({ formContext: { formData: { cluster: 'a' } } })).toEqual(
      { cluster: 'a' },
    );
    expect(formValues({})).toEqual({});
    expect(formValues({ formContext: { formData: ['x'] } })).toEqual({});
  });

  it("fills in the current step's defaults the stepper has not seen yet", () => {
    const getDefaultFormState = jest.fn((_schema: object, data?: object) => ({
      capacityProfile: 'spot-first',
      parallelism: 2,
      ...data,
    }));
    const schema = { type: 'object' };
    expect(
      formValues({
        formContext: { formData: { parallelism: 6, cluster: undefined } },
        registry: { rootSchema: schema, schemaUtils: { getDefaultFormState } },
      }),
    ).toEqual({
      capacityProfile: 'spot-first',
      parallelism: 6,
      cluster: undefined,
    });
    expect(getDefaultFormState).toHaveBeenCalledWith(schema, {
      parallelism: 6,
      cluster: undefined,
    });
  });

  it('keeps the values when the defaults cannot be read', () => {
    expect(
      formValues({
        formContext: { formData: { parallelism: 6 } },
        registry: {
          rootSchema: {},
          schemaUtils: {
            getDefaultFormState: () => {
              throw new Error('bad schema');
            },
          },
        },
      }),
    ).toEqual({ parallelism: 6 });
  });
});
