import type { Severity } from '../api/types';

/** The severity palette, shared by the map's canvas icons and the stylesheet's --sev-* variables. */
export const severityColor: Record<Severity, string> = {
  critical: '#ff4d5e',
  major: '#ff8a3d',
  minor: '#f5c542',
  warning: '#5aa9ff',
  none: '#3ecf8e',
};
