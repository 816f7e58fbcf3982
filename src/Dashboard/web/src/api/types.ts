// Names for the API's shapes, all taken from the types generated from the hub's OpenAPI document (schema.d.ts).
import type { components } from './schema';

type Schemas = components['schemas'];

export type Severity = Schemas['Severity'];
export type DeviceStatus = Schemas['DeviceStatus'];
export type DeviceView = Schemas['DeviceView'];
/** A last value as the REST API gives it: with the model's unit. */
export type DeviceValue = Schemas['DeviceValue'];
export type GeoPoint = Schemas['GeoPoint'];
export type AlarmRecord = Schemas['AlarmRecord'];
export type AlarmState = Schemas['AlarmState'];
/** Why an alarm fired: observed against expected, and for learned and forecast rules since when, who contributed, when the limit comes. */
export type AlarmExplanation = Schemas['AlarmExplanation'];
export type WorkOrder = Schemas['WorkOrder'];
export type WorkOrderState = Schemas['WorkOrderState'];
export type Technician = Schemas['TechnicianDefinition'];
export type Me = Schemas['MeResponse'];
export type TelemetryResponse = Schemas['TelemetryResponse'];
export type DeviceModel = Schemas['DeviceModelDefinition'];
export type Customer = Schemas['CustomerDefinition'];
export type WebSettings = Schemas['WebSettings'];
export type DispatchReceipt = Schemas['DispatchReceipt'];
export type OverrideQuote = Schemas['DispatchQuote'];
export type ManualOverride = Schemas['ManualOverride'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number | null;
}

export const severities: readonly Severity[] = ['critical', 'major', 'minor', 'warning', 'none'];
