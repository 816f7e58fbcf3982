import type { Severity } from '../api/types';
import { severityGlyph, severityLabel } from '../format';

/** A severity as colour, shape and word, so it reads without colour too. */
export function SeverityBadge({ severity, compact = false }: { severity: Severity; compact?: boolean }) {
  return (
    <span class={`sev sev-${severity}`} data-severity={severity} title={severityLabel[severity]}>
      <span class="sev-glyph" aria-hidden="true">
        {severityGlyph[severity]}
      </span>
      {compact ? null : <span class="sev-label">{severityLabel[severity]}</span>}
    </span>
  );
}
