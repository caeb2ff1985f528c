/*
 * Sparklines as plain SVG paths. A chart library would cost a
 * ResizeObserver, a few contexts and dozens of elements per cell; the
 * dashboard draws two per row for up to 600 rows, so each is one <path>.
 */

/** A line through `values` (gaps where undefined) in a width × height box, 0 at the bottom. */
export function linePath(
  values: Array<number | undefined>,
  width: number,
  height: number,
  max: number,
): string {
  if (!values.length || max <= 0) return '';
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let path = '';
  let pen = false;
  values.forEach((value, i) => {
    if (value === undefined || !Number.isFinite(value)) {
      pen = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - (Math.min(value, max) / max) * height).toFixed(1);
    path += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
  });
  return path;
}

/** One bar per value, side by side, as a single path, 0 at the bottom. */
export function barsPath(
  values: number[],
  width: number,
  height: number,
  max: number,
): string {
  if (!values.length || max <= 0) return '';
  const slot = width / values.length;
  const bar = Math.max(1, slot - 2);
  return values
    .map((value, i) => {
      // A day with any cost shows at least a sliver, so it reads as "some".
      const h = value > 0 ? Math.max(1, (value / max) * height) : 0;
      const x = (i * slot + (slot - bar) / 2).toFixed(1);
      return `M${x} ${height}v${(-h).toFixed(1)}h${bar.toFixed(1)}v${h.toFixed(
        1,
      )}z`;
    })
    .join('');
}
