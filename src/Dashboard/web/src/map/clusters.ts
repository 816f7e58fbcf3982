// Clusters are drawn by WebGL under the device symbols (a serious device inside a cluster's area must never hide
// behind it); only their count is an HTML label, placed under the circle, since the map has no glyph server offline.
import type { ExpressionSpecification } from 'maplibre-gl';
import { severities } from '../api/types';
import { severityColor } from './colors';

/** Circle radius in pixels: grows with the logarithm of the count, 12 px for one device up to 40 px for 100,000. */
export function clusterRadius(count: number): number {
  return Math.round(Math.min(40, 12 + 5.6 * Math.log10(Math.max(1, count))));
}

/** "7", "950", "1.2k", "63k". */
export function clusterLabel(count: number): string {
  return count >= 10_000 ? `${Math.round(count / 1000)}k` : count >= 1000 ? `${(count / 1000).toFixed(1)}k` : String(count);
}

/** The circle's ring colour by the cluster's worst severity. */
export const clusterStroke = ['match', ['get', 'severity'], ...severities.flatMap((s) => [s, severityColor[s]]), severityColor.none] as unknown as ExpressionSpecification;
