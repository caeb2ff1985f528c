import { ReactElement, cloneElement, createContext, useContext } from 'react';
import { ResponsiveContainer } from 'recharts';

/**
 * A fixed width for every chart below it. ResponsiveContainer measures its
 * parent, which has no size where nothing is laid out (jsdom in tests, some
 * print renderers); a fixed width draws the chart there too.
 */
export const ChartWidthContext = createContext<number | undefined>(undefined);

/** Sizes a recharts chart: the width of its container, or the fixed width above. */
export function ChartFrame(props: {
  height: number;
  children: ReactElement<{ width?: number; height?: number }>;
}) {
  const fixedWidth = useContext(ChartWidthContext);
  if (fixedWidth !== undefined) {
    return cloneElement(props.children, {
      width: fixedWidth,
      height: props.height,
    });
  }
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      {props.children}
    </ResponsiveContainer>
  );
}
