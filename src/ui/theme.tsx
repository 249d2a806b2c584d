// Colour is decoration, never the only signal: every coloured state also has a word or mark.
import { createContext, useContext } from 'react';

export interface Theme {
  accent?: string;
  good?: string;
  bad?: string;
  muted?: string;
  warn?: string;
}

export const COLOR_THEME: Theme = {
  accent: 'cyan',
  good: 'green',
  bad: 'red',
  muted: 'gray',
  warn: 'yellow',
};
export const PLAIN_THEME: Theme = {};

export const ThemeContext = createContext<Theme>(COLOR_THEME);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
