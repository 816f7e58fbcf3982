import type { DeviceStatus, Severity } from '../api/types';
import { query } from '../api/http';

export interface DeviceFilters {
  search: string;
  severity: Severity[];
  status: DeviceStatus[];
  customerId: string;
  modelId: string;
}

export const noFilters: DeviceFilters = { search: '', severity: [], status: [], customerId: '', modelId: '' };

/** The list route for one page of devices, worst first, with the total on the first page. */
export function deviceListUrl(filters: DeviceFilters, cursor: string | null, limit: number): string {
  return (
    '/api/devices' +
    query({
      sort: 'worst',
      search: filters.search.trim(),
      severity: filters.severity.join(','),
      status: filters.status.join(','),
      customerId: filters.customerId,
      modelId: filters.modelId,
      limit,
      cursor,
      count: cursor === null ? true : undefined,
    })
  );
}
