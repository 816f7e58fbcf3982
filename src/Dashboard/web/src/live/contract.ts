// The live hub's messages (SPEC §5, docs/live-map.md). SignalR payloads are not in the OpenAPI document, so these
// shapes are written here from the hub's contract; the fields they share with the REST API use its generated types.
import type { DeviceStatus, Severity } from '../api/types';

/** A value in a delta: no unit (the row keeps the unit the REST API gave it). */
export interface DeltaValue {
  value: number;
  timestamp: string;
}

export interface ViewportRequest {
  west: number;
  south: number;
  east: number;
  north: number;
  zoom: number;
  severity?: Severity[];
  status?: DeviceStatus[];
}

export interface MapDevice {
  id: string;
  lat: number;
  lon: number;
  status: DeviceStatus;
  severity: Severity;
  modelId: string;
  customerId?: string | null;
  lastSeen?: string | null;
}

export interface MapCluster {
  lat: number;
  lon: number;
  count: number;
  severity: Severity;
}

export interface MapTechnician {
  id: string;
  name: string;
  /** Absent when neither a reported location nor a home base is known. */
  lat?: number;
  lon?: number;
  available: boolean;
  currentWorkOrderId?: string | null;
}

export interface ViewportSnapshot {
  devices: MapDevice[];
  clusters: MapCluster[];
  technicians?: MapTechnician[];
  total: number;
  clustered: boolean;
}

/** In cluster mode, the clusters again after one changed; they replace those drawn. */
export interface ViewportClusters {
  clusters: MapCluster[];
  total: number;
}

/** A device's changes in one window; only the fields that changed are present. */
export interface DeviceDelta {
  id: string;
  modelId?: string;
  customerId?: string | null;
  complete?: boolean;
  removed?: boolean;
  /** Sent because the client watches the device (its list row), not because it is on the map. */
  watched?: boolean;
  lat?: number;
  lon?: number;
  status?: DeviceStatus;
  severity?: Severity;
  lastSeen?: string;
  values?: Record<string, DeltaValue>;
}

export type TechnicianDelta = Partial<MapTechnician> & { id: string; removed?: boolean };

export const HubMethods = {
  joinViewport: 'JoinViewport',
  leaveViewport: 'LeaveViewport',
  watchDevices: 'WatchDevices',
} as const;

export const ClientMethods = {
  ready: 'ready',
  viewportSnapshot: 'viewportSnapshot',
  viewportClusters: 'viewportClusters',
  deviceDeltas: 'deviceDeltas',
  technicianDeltas: 'technicianDeltas',
  alarm: 'alarm',
  workOrder: 'workOrder',
  notification: 'notification',
} as const;
