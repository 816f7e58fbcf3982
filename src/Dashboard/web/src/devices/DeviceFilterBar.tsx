import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api/http';
import { severities, type Customer, type DeviceModel, type DeviceStatus, type Page } from '../api/types';
import { Chips } from '../shell/Chips';
import { SeverityBadge } from '../shell/SeverityBadge';
import type { DeviceFilters } from './filters';

const statuses: readonly DeviceStatus[] = ['online', 'offline', 'unknown'];

/** Search and filters shared by the list and the map. The search waits for a pause in typing. */
export function DeviceFilterBar({ filters, onChange, showCustomer }: { filters: DeviceFilters; onChange: (f: DeviceFilters) => void; showCustomer: boolean }) {
  const [search, setSearch] = useState(filters.search);
  const [customers, setCustomers] = useState<Customer[]>([]);
  const [models, setModels] = useState<DeviceModel[]>([]);

  useEffect(() => {
    const timer = setTimeout(() => search !== filters.search && onChange({ ...filters, search }), 250);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    if (showCustomer) void getJson<Page<Customer>>('/api/customers?limit=1000').then((p) => setCustomers(p.items), () => setCustomers([]));
    void getJson<Page<DeviceModel>>('/api/device-models?limit=1000').then((p) => setModels(p.items), () => setModels([]));
  }, [showCustomer]);

  return (
    <div class="filters device-filters">
      <input type="search" name="search" placeholder="Search devices" aria-label="Search devices" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      <Chips label="Severity" options={severities} chosen={filters.severity} onChange={(severity) => onChange({ ...filters, severity })} render={(s) => <SeverityBadge severity={s} compact />} />
      <div class="filter-row">
        <Chips label="Status" options={statuses} chosen={filters.status} onChange={(status) => onChange({ ...filters, status })} />
      </div>
      <div class="filter-row">
        {showCustomer ? (
          <select name="customerId" aria-label="Customer" value={filters.customerId} onChange={(e) => onChange({ ...filters, customerId: e.currentTarget.value })}>
            <option value="">All customers</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        ) : null}
        <select name="modelId" aria-label="Model" value={filters.modelId} onChange={(e) => onChange({ ...filters, modelId: e.currentTarget.value })}>
          <option value="">All models</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
