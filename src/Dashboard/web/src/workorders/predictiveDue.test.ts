import { describe, expect, it } from 'vitest';
import { predictiveDue } from './predictiveDue';

const now = Date.parse('2026-12-07T12:00:00Z'); // a Monday

describe('a predictive order’s due time', () => {
  const forecast = { limit: 55, crossingAt: '2026-12-08T17:10:00Z', earliest: '2026-12-08T16:40:00Z', latest: null };

  it('reads as a deadline before the predicted crossing', () => {
    expect(predictiveDue('2026-12-08T16:40:00Z', forecast, '°C', now, 'UTC')).toEqual({
      headline: 'Due before Tue 16:40',
      relative: 'in 29 h',
      reason: 'predicted crossing of 55 °C around Tue 17:10',
    });
  });

  it('says what it stands for without the alarm', () => {
    expect(predictiveDue('2026-12-07T14:30:00Z', undefined, null, now, 'UTC')).toEqual({ headline: 'Due before 14:30', relative: 'in 2 h 30 min', reason: 'before the predicted crossing' });
  });

  it('says overdue once it has passed', () => {
    expect(predictiveDue('2026-12-07T11:20:00Z', forecast, '°C', now, 'UTC').headline).toBe('Overdue since 11:20');
  });
});
