import type { Me } from '../api/types';
import type { LiveHub } from '../live/liveHub';
import { ConsolePage } from '../pages/ConsolePage';
import { CustomerEquipmentPage } from '../pages/CustomerEquipmentPage';
import { TechnicianOrdersPage } from '../pages/TechnicianOrdersPage';
import { Header } from './Header';
import { OfflineBanner } from './OfflineBanner';

/** Each role on its own page (SPEC §9); a path another role owns falls back to the user's own. */
export function App({ me, hub }: { me: Me; hub: LiveHub }) {
  const staff = me.role === 'admin' || me.role === 'dispatcher';
  const page = staff ? (
    <ConsolePage hub={hub} me={me} />
  ) : me.role === 'technician' ? (
    <TechnicianOrdersPage hub={hub} me={me} />
  ) : (
    <CustomerEquipmentPage hub={hub} me={me} />
  );
  return (
    <div class={`app role-${me.role ?? 'none'}`}>
      <Header me={me} hub={hub} />
      <OfflineBanner hub={hub} />
      {page}
    </div>
  );
}
