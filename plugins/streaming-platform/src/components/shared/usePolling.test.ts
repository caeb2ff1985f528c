import { act, renderHook, waitFor } from '@testing-library/react';
import { usePolling } from './usePolling';

describe('usePolling', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps the last good answer when a refresh fails, and says why', async () => {
    jest.useFakeTimers();
    const answers: Array<() => Promise<number>> = [
      () => Promise.resolve(1),
      () => Promise.reject(new Error('backend down')),
      () => Promise.resolve(3),
    ];
    let call = 0;
    const { result } = renderHook(() =>
      usePolling(() => answers[call++](), [], { intervalMs: 1000 }),
    );
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.value).toBe(1));
    expect(result.current.loading).toBe(false);

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() =>
      expect(result.current.error?.message).toBe('backend down'),
    );
    expect(result.current.value).toBe(1);
    expect(result.current.loading).toBe(false);

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(result.current.value).toBe(3));
    expect(result.current.error).toBeUndefined();
  });

  it('drops an answer to an older question', async () => {
    const resolvers = new Map<string, (v: string) => void>();
    const { result, rerender } = renderHook(
      ({ key }) =>
        usePolling(
          () => new Promise<string>(resolve => resolvers.set(key, resolve)),
          [key],
        ),
      { initialProps: { key: 'a' } },
    );
    rerender({ key: 'b' });
    await act(async () => {
      resolvers.get('b')!('answer b');
    });
    await waitFor(() => expect(result.current.value).toBe('answer b'));
    await act(async () => {
      resolvers.get('a')!('answer a');
    });
    expect(result.current.value).toBe('answer b');
  });
});
