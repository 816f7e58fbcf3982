// The dispatch receipt and the override quote. The receipt is stored by the dispatch round as JSON and served as is
// (docs/dispatch.md, "Receipts"), so its shape is written here; keep it in step with src/Dispatch/Receipts.

export interface CostBreakdown {
  distanceKm: number;
  travelMinutes: number;
  latenessMinutes: number;
  latenessPenalty: number;
  partsBonus: number;
  total: number;
}

export interface RejectedCandidate {
  technicianId: string;
  reason: string;
  detail: string;
  distanceKm: number;
  cost?: CostBreakdown | null;
  rank?: number | null;
  assignedOrderId?: string | null;
}

export interface DispatchReceipt {
  orderId: string;
  technicianId: string | null;
  cost: CostBreakdown | null;
  rejected: RejectedCandidate[];
  decidedAt: string;
  poolSize: number;
  examined: number;
  unexaminedCostAtLeast: number | null;
}

export interface SlaChange {
  orderId: string;
  deviceId?: string | null;
  dueAt?: string | null;
  etaBefore?: string | null;
  etaAfter?: string | null;
  deltaMinutes: number;
  breachedBefore: boolean;
  breachedAfter: boolean;
}

export interface OverrideQuote {
  orderId: string;
  technicianId: string;
  plannedTechnicianId: string | null;
  feasible: boolean;
  reason?: string | null;
  travelMinutes?: number | null;
  plannedTravelMinutes?: number | null;
  extraTravelMinutes?: number | null;
  costDelta?: number | null;
  slaChanges: SlaChange[];
  reassigned: { orderId: string; fromTechnicianId: string | null; toTechnicianId: string | null }[];
}
