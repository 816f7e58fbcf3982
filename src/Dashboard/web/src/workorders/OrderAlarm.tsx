import type { AlarmRecord } from '../api/types';
import { ExplanationDetails } from '../alarms/ExplanationDetails';
import { localTimesIn } from '../alarms/explanation';
import { timeAgo, formatTime } from '../format';
import { SeverityBadge } from '../shell/SeverityBadge';

/** Why the order exists: the alarm that raised it, with its explanation as the feed shows it opened. */
export function OrderAlarm({ alarm, unitOf }: { alarm: AlarmRecord; unitOf: (property: string) => string | null }) {
  return (
    <section class="order-alarm" data-alarm-id={alarm.id} data-severity={alarm.severity}>
      <h3>Raised by alarm</h3>
      <p>
        <SeverityBadge severity={alarm.severity} compact /> {localTimesIn(alarm.explanation.text)}{' '}
        <span class="muted" title={formatTime(alarm.raisedAt)}>
          {alarm.ruleId} · {alarm.state} · {timeAgo(alarm.raisedAt)}
        </span>
      </p>
      <ExplanationDetails explanation={alarm.explanation} ruleKind={alarm.ruleKind} unitOf={unitOf} />
    </section>
  );
}
