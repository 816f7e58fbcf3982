import type { LiveHub } from '../live/liveHub';
import { useStore } from '../live/store';

/** Says when live updates stopped and that the page is trying again; disappears once the hub is back and resynced. */
export function OfflineBanner({ hub }: { hub: LiveHub }) {
  const status = useStore(hub.status);
  if (status === 'online' || status === 'connecting') return null;
  return (
    <div class="banner banner-offline" role="status" data-live-status={status}>
      <strong>Offline.</strong> Live updates are paused — reconnecting to the hub… Nothing you see is lost; it resyncs when the
      connection is back.
    </div>
  );
}
