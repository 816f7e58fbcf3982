import type { WorkOrderState } from '../api/types';

/** The steps a technician can take on an order in each state (the hub's lifecycle decides; this only offers them). */
export function technicianActions(state: WorkOrderState): { action: string; label: string }[] {
  switch (state) {
    case 'assigned':
      return [
        { action: 'accept', label: 'Accept' },
        { action: 'decline', label: 'Decline' },
      ];
    case 'accepted':
      return [{ action: 'travel', label: 'On my way' }];
    case 'travelling':
      return [{ action: 'start', label: 'Start work' }];
    case 'on-site':
      return [{ action: 'complete', label: 'Complete' }];
    default:
      return [];
  }
}
