// The device list's rows: loaded page by page from the catalog (worst first, by cursor) as the user scrolls, and
// changed in place by live deltas. The catalog decides membership and order; a live change updates a row where it
// is and is not re-sorted under the user's pointer (the next reload, e.g. a filter change or a resync, re-sorts).
import { getJson } from '../api/http';
import type { DeviceView, Page } from '../api/types';
import type { DeviceDelta } from '../live/contract';
import { Store } from '../live/store';
import { deviceListUrl, type DeviceFilters } from './filters';
import { applyDelta } from './rows';

const pageSize = 200;

export interface ListState {
  rows: DeviceView[];
  total: number | null;
  complete: boolean;
  loading: boolean;
  error: unknown;
  version: number;
}

export class DeviceListSource {
  readonly state = new Store<ListState>({ rows: [], total: null, complete: false, loading: true, error: null, version: 0 });
  /** False until the first reset: nothing loads before the hub is ready. */
  private started = false;
  private filters: DeviceFilters;
  private cursor: string | null = null;
  private generation = 0;
  private index = new Map<string, number>();
  private loading: Promise<void> | null = null;

  constructor(filters: DeviceFilters) {
    this.filters = filters;
  }

  /** Takes new filters without loading: the next reset (the hub's first ready) loads with them. */
  useFilters(filters: DeviceFilters): void {
    this.filters = filters;
  }

  /** Starts again from the first page (a filter change or a resync after reconnecting). */
  reset(filters: DeviceFilters = this.filters): void {
    this.filters = filters;
    this.started = true;
    this.generation++;
    this.cursor = null;
    this.index = new Map();
    this.loading = null;
    this.update({ rows: [], total: null, complete: false, loading: false, error: null });
    void this.ensure(60);
  }

  /** Loads pages until at least `count` rows are there or the list ends. */
  async ensure(count: number): Promise<void> {
    while (this.started && !this.state.value.complete && this.state.value.rows.length < count && !this.state.value.error) {
      this.loading ??= this.loadPage();
      await this.loading;
    }
  }

  applyDeltas(deltas: Iterable<DeviceDelta>): void {
    let rows: DeviceView[] | null = null;
    for (const delta of deltas) {
      const at = this.index.get(delta.id);
      // Removed from the map only: a watched device's entry still carries what changed.
      if (at === undefined || (delta.removed && !delta.watched)) continue;
      rows ??= [...this.state.value.rows];
      const row = rows[at];
      if (row) rows[at] = applyDelta(row, delta);
    }
    if (rows) this.update({ rows });
  }

  find(id: string): DeviceView | undefined {
    const at = this.index.get(id);
    return at === undefined ? undefined : this.state.value.rows[at];
  }

  private async loadPage(): Promise<void> {
    const generation = this.generation;
    this.update({ loading: true });
    try {
      const page = await getJson<Page<DeviceView>>(deviceListUrl(this.filters, this.cursor, pageSize));
      if (generation !== this.generation) return;
      const rows = [...this.state.value.rows];
      for (const item of page.items) {
        if (this.index.has(item.id)) continue; // a row that moved up between pages is shown once
        this.index.set(item.id, rows.length);
        rows.push(item);
      }
      this.cursor = page.nextCursor;
      this.update({
        rows,
        total: typeof page.total === 'number' ? page.total : this.state.value.total,
        complete: page.nextCursor === null,
        loading: false,
      });
    } catch (error) {
      if (generation === this.generation) this.update({ loading: false, error });
    } finally {
      if (generation === this.generation) this.loading = null;
    }
  }

  private update(change: Partial<ListState>): void {
    const current = this.state.value;
    this.state.set({ ...current, ...change, version: current.version + 1 });
  }
}
