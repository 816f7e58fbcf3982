import type { ComponentChildren } from 'preact';
import { signOut } from '../api/session';
import type { Me } from '../api/types';
import type { LiveHub } from '../live/liveHub';
import { useStore } from '../live/store';

export function Header({ me, hub, children }: { me: Me; hub: LiveHub; children?: ComponentChildren }) {
  const status = useStore(hub.status);
  return (
    <header class="topbar">
      <a class="brand" href="/">
        <img src="/favicon.svg" alt="" width="22" height="22" />
        IotService
      </a>
      <nav class="topbar-nav">{children}</nav>
      <span class={`live-dot live-${status}`} title={`Live updates: ${status}`} aria-label={`Live updates ${status}`} />
      <span class="user">
        {me.username} <span class="role">{me.role}</span>
      </span>
      <button type="button" class="ghost" data-action="sign-out" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}
