import { useState } from 'preact/hooks';
import { postJson } from '../api/http';
import type { Me, WorkOrder } from '../api/types';
import { DeviceFilterBar } from '../devices/DeviceFilterBar';
import { DeviceList } from '../devices/DeviceList';
import { DevicePanel } from '../devices/DevicePanel';
import { noFilters, type DeviceFilters } from '../devices/filters';
import type { LiveHub } from '../live/liveHub';
import { ErrorNote } from '../shell/ErrorNote';

/** A customer's own equipment, live, from the console's list and panel; a fault can be reported on any of it. (The full customer portal comes later.) */
export function CustomerEquipmentPage({ hub, me }: { hub: LiveHub; me: Me }) {
  const [filters, setFilters] = useState<DeviceFilters>(noFilters);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <main class="simple-page customer-page">
      <h1>My equipment</h1>
      <p class="muted">Customer {me.customerId}</p>
      <div class="customer-layout">
        <div class="col col-devices">
          <DeviceFilterBar filters={filters} onChange={setFilters} showCustomer={false} />
          <DeviceList hub={hub} filters={filters} selectedId={selected} onSelect={setSelected} />
        </div>
        {selected ? (
          <div class="customer-detail">
            <ReportFault deviceId={selected} />
            <DevicePanel hub={hub} deviceId={selected} onClose={() => setSelected(null)} />
          </div>
        ) : (
          <p class="muted customer-hint">Choose a device to see its values, alarms and repairs.</p>
        )}
      </div>
    </main>
  );
}

function ReportFault({ deviceId }: { deviceId: string }) {
  const [description, setDescription] = useState('');
  const [sent, setSent] = useState<WorkOrder | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent((await postJson<WorkOrder>('/api/work-orders', { deviceId, description: description.trim() })) ?? null);
      setDescription('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="report-fault" onSubmit={(e) => void submit(e)}>
      <label>
        Something wrong with {deviceId}?
        <textarea name="description" required rows={2} placeholder="What do you notice?" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <button type="submit" data-action="report-fault" disabled={busy || !description.trim()}>
        {busy ? 'Sending…' : 'Report a fault'}
      </button>
      {sent ? <p role="status">Reported as {sent.id}. We will keep you posted here.</p> : null}
      <ErrorNote error={error} />
    </form>
  );
}
