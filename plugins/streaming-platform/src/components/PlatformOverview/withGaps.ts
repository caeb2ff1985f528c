/**
 * The backend leaves out steps without samples (the watch was down, the
 * backend was not running). recharts would join the points either side with
 * a straight line, inventing data; an empty point after the last one before
 * a gap breaks the line there instead.
 */
export function withGaps<T extends { t: number }>(
  data: T[],
  stepMs: number,
): Array<T | { t: number }> {
  const result: Array<T | { t: number }> = [];
  data.forEach((point, i) => {
    const previous = data[i - 1];
    if (previous && point.t - previous.t > stepMs * 1.5) {
      result.push({ t: previous.t + stepMs });
    }
    result.push(point);
  });
  return result;
}
