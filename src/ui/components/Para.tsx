import { Text, type TextProps } from 'ink';
import { createContext, useContext } from 'react';
import { visible } from '../../core/sanitize.js';
import { wrapText } from './wrap.js';

/** Columns available to the screen's content. */
export const WidthContext = createContext(79);

/**
 * A paragraph wrapped to the screen width, less `indent` columns taken on its left. The
 * text is data (a deck, a notice): control characters are shown, never sent.
 */
export function Para({
  children,
  indent = 0,
  ...props
}: { children: string; indent?: number } & TextProps) {
  const width = useContext(WidthContext);
  return <Text {...props}>{wrapText(visible(children), width - indent)}</Text>;
}
