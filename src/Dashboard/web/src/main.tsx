import { render } from 'preact';
import { homePath, me } from './api/session';
import { LiveHub } from './live/liveHub';
import { App } from './shell/App';
import './styles.css';

async function start() {
  const root = document.getElementById('app');
  if (!root) return;
  const user = await me(); // 401 sends the browser to /login
  const home = homePath(user.role);
  if (location.pathname === '/' || location.pathname === '') history.replaceState(null, '', home);
  const hub = new LiveHub();
  hub.start();
  render(<App me={user} hub={hub} />, root);
}

void start();
