import type { DeviceView } from '../api/types';
import { formatValue, timeAgo } from '../format';
import { SeverityBadge } from '../shell/SeverityBadge';

/** One device in a list: what it is, how bad, when last heard, and its first values. */
export function DeviceRow({ device, selected, onSelect, top }: { device: DeviceView; selected: boolean; onSelect: (id: string) => void; top?: number }) {
  const values = Object.entries(device.values).slice(0, 2);
  return (
    <div
      class={`device-row${selected ? ' selected' : ''} status-${device.status}`}
      role="option"
      aria-selected={selected}
      tabIndex={0}
      data-device-id={device.id}
      data-severity={device.severity}
      data-status={device.status}
      style={top === undefined ? undefined : { transform: `translateY(${top}px)` }}
      onClick={() => onSelect(device.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onSelect(device.id);
      }}
    >
      <SeverityBadge severity={device.severity} compact />
      <div class="device-row-main">
        <div class="device-row-title">
          <span class="device-id">{device.name ?? device.id}</span>
          {/* Online is the normal case: only the exceptions take the row's room. */}
          {device.status === 'online' ? null : <span class={`status-pill status-${device.status}`}>{device.status}</span>}
        </div>
        <div class="device-row-sub">
          <span>{device.modelId}</span>
          {device.customerId ? <span> · {device.customerName ?? device.customerId}</span> : null}
          <span class="muted"> · {timeAgo(device.lastSeen)}</span>
        </div>
      </div>
      <div class="device-row-values">
        {values.map(([name, v]) => (
          <span key={name} title={`${name} at ${v.timestamp}`}>
            <span class="value-name">{name.replace(/_/g, ' ')}</span> {formatValue(v.value, v.unit)}
          </span>
        ))}
      </div>
    </div>
  );
}
