import type { AlarmExplanation } from '../api/types';
import { clockTime, formatValue, relativeTime } from '../format';

export interface PredictiveDueText {
  /** "Due before Tue 16:40", or "Overdue since Tue 16:40" once it has passed. */
  headline: string;
  /** "in 2 h 10 min", "35 min ago". */
  relative: string;
  /** "predicted crossing of 55 °C around Tue 17:10"; without the alarm, what the due time stands for. */
  reason: string;
}

/**
 * What a predictive order's due time means: the visit has to happen before the forecast's limit can plausibly be
 * reached (the server sets `dueAt` to the earliest crossing of the band, or sooner when the SLA asks).
 */
export function predictiveDue(dueAt: string, forecast: AlarmExplanation['forecast'] | undefined, unit: string | null | undefined, now: number, timeZone?: string): PredictiveDueText {
  const passed = Date.parse(dueAt) <= now;
  const due = clockTime(dueAt, { now, timeZone });
  const reason = forecast
    ? `predicted crossing of ${formatValue(forecast.limit, unit)} around ${clockTime(forecast.crossingAt, { now, timeZone })}`
    : 'before the predicted crossing';
  return { headline: passed ? `Overdue since ${due}` : `Due before ${due}`, relative: relativeTime(dueAt, now), reason };
}
