import { RefObject, useEffect, useLayoutEffect, useState } from 'react';

/** Rows rendered beyond the visible ones, so scrolling and tabbing find them ready. */
const OVERSCAN = 12;
/** The viewport assumed before the container is laid out (and in jsdom). */
const FALLBACK_HEIGHT = 900;

export interface RowWindow {
  /** The first row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

/**
 * Which rows of a scrolling table are on screen, give or take the overscan.
 *
 * Measured (scripts/perf): rendering all 600 rows of the dashboard took
 * 600–900 ms of script and 300–500 ms of table layout on a 2-core machine,
 * and a re-sort 450 ms; rendering only the rows in view keeps both to a
 * few dozen rows whatever the team's size. Rows have one fixed height, so
 * the window is arithmetic, and spacer rows keep the scrollbar honest.
 *
 * @param container - the element that scrolls. Its sticky header is
 *   counted as rows; the overscan more than covers it.
 */
export function useRowWindow(options: {
  container: RefObject<HTMLElement>;
  count: number;
  rowHeight: number;
}): RowWindow {
  const { container, count, rowHeight } = options;
  const compute = (top: number, height: number): RowWindow => {
    return {
      start: Math.max(0, Math.floor(top / rowHeight) - OVERSCAN),
      end: Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN),
    };
  };
  const [range, setRange] = useState<RowWindow>(() =>
    compute(0, FALLBACK_HEIGHT),
  );

  // Before paint, so the first frame already shows the right rows.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = compute(
        element.scrollTop,
        element.clientHeight || FALLBACK_HEIGHT,
      );
      setRange(previous =>
        previous.start === next.start && previous.end === next.end
          ? previous
          : next,
      );
    };
    // At most one update a frame, however fast the wheel turns.
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    element.addEventListener('scroll', schedule, { passive: true });
    const resize =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(schedule);
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [container, count, rowHeight]);

  return range;
}

/**
 * The height of the first rendered row, once there is one and it is laid
 * out (the theme decides it); `estimate` until then.
 */
export function useMeasuredRowHeight(
  body: RefObject<HTMLElement>,
  estimate: number,
  hasRows: boolean,
): number {
  const [height, setHeight] = useState(estimate);
  useEffect(() => {
    const row = body.current?.querySelector('tr[data-ref]');
    const measured = row?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - height) > 0.5) setHeight(measured);
  }, [body, height, hasRows]);
  return height;
}
