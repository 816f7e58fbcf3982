import { describe, expect, it } from 'vitest';
import { technicianActions } from './nextActions';

describe('a technician’s next steps', () => {
  it('follow the order through its lifecycle', () => {
    expect(technicianActions('assigned').map((a) => a.action)).toEqual(['accept', 'decline']);
    expect(technicianActions('accepted').map((a) => a.action)).toEqual(['travel']);
    expect(technicianActions('travelling').map((a) => a.action)).toEqual(['start']);
    expect(technicianActions('on-site').map((a) => a.action)).toEqual(['complete']);
    expect(technicianActions('closed')).toEqual([]);
  });
});
