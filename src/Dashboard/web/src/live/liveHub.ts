// One SignalR connection to /hubs/map per page, shared by every panel on it. It reconnects by itself for as long as
// the page is open (a hub restart or a dropped network is normal for a console open all day), and after every
// (re)connection it tells its listeners to resync: the viewport is joined again and lists reload, so nothing said
// while the connection was down is missed. `status` drives the offline banner.
import { HttpError, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { signInUrl } from '../api/http';
import { ClientMethods } from './contract';
import { Store } from './store';

export type LiveStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Retry quickly at first, then every 10 s, forever: a console must come back without a reload. */
export function retryDelay(attempt: number): number {
  const delays = [0, 1000, 2000, 5000];
  return delays[attempt] ?? 10_000;
}

export class LiveHub {
  readonly status = new Store<LiveStatus>('connecting');
  private readonly connection: HubConnection;
  private readonly resyncListeners = new Set<() => void>();
  private stopped = false;

  constructor(url = '/hubs/map') {
    this.connection = new HubConnectionBuilder()
      .withUrl(url, { withCredentials: true })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.onreconnecting(() => this.status.set('reconnecting'));
    this.connection.onclose(() => {
      // Automatic reconnect gave up (or the session ended): keep trying from scratch.
      if (!this.stopped) {
        this.status.set('offline');
        void this.startLoop(1);
      }
    });
    // `ready` follows the hub's group joins: anything loaded after it misses no event.
    this.connection.on(ClientMethods.ready, () => {
      this.status.set('online');
      for (const listener of this.resyncListeners) listener();
    });
  }

  start(): void {
    void this.startLoop(0);
  }

  stop(): void {
    this.stopped = true;
    void this.connection.stop();
  }

  on<T>(method: string, handler: (payload: T) => void): () => void {
    const wrapped = (payload: T) => handler(payload);
    this.connection.on(method, wrapped);
    return () => this.connection.off(method, wrapped);
  }

  /** Called after every (re)connection once the hub is ready; the first call comes with the first connection. */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    if (this.status.value === 'online') listener();
    return () => this.resyncListeners.delete(listener);
  }

  /** Calls the hub; while disconnected it does nothing (the resync after reconnecting sends the current state). */
  async invoke(method: string, ...args: unknown[]): Promise<void> {
    if (this.connection.state !== HubConnectionState.Connected) return;
    try {
      await this.connection.invoke(method, ...args);
    } catch (error) {
      console.warn(`The hub refused ${method}:`, error);
      throw error;
    }
  }

  private async startLoop(attempt: number): Promise<void> {
    while (!this.stopped && this.connection.state === HubConnectionState.Disconnected) {
      try {
        await this.connection.start();
        return;
      } catch (error) {
        if (error instanceof HttpError && error.statusCode === 401) {
          location.assign(signInUrl()); // the session ended while the page was open
          return;
        }
        this.status.set('offline');
        await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt++)));
      }
    }
  }
}
