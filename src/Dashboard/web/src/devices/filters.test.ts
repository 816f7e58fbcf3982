import { describe, expect, it } from 'vitest';
import { deviceListUrl, noFilters } from './filters';

describe('the device list url', () => {
  it('asks for the worst first and a total on the first page only', () => {
    expect(deviceListUrl(noFilters, null, 200)).toBe('/api/devices?sort=worst&limit=200&count=true');
    expect(deviceListUrl(noFilters, 'abc', 200)).toBe('/api/devices?sort=worst&limit=200&cursor=abc');
  });

  it('sends only the filters that are set', () => {
    const url = deviceListUrl({ ...noFilters, search: ' chil ', severity: ['critical', 'major'], modelId: 'm1' }, null, 50);
    expect(url).toBe('/api/devices?sort=worst&search=chil&severity=critical%2Cmajor&modelId=m1&limit=50&count=true');
  });
});
