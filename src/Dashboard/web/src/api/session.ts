import { getJson, postJson } from './http';
import type { Me } from './types';

export type Role = 'admin' | 'dispatcher' | 'technician' | 'customer';

export function me(): Promise<Me> {
  return getJson<Me>('/api/auth/me');
}

export async function signOut(): Promise<void> {
  try {
    await postJson('/api/auth/logout');
  } finally {
    location.assign('/login');
  }
}

/** Where each role starts (SPEC §9): staff on the console, the others on their own lists. */
export function homePath(role: string | null | undefined): string {
  switch (role) {
    case 'admin':
    case 'dispatcher':
      return '/console';
    case 'technician':
      return '/my/orders';
    case 'customer':
      return '/my/equipment';
    default:
      return '/login';
  }
}
