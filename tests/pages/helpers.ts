import Taro from '@tarojs/taro';

/** A fetch Response carrying JSON. */
export function jsonResponse(body: unknown, status = 200): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: () => Promise.resolve(body),
  } as Response;
}

export type FetchMock = jest.Mock<Promise<Response>, [string, RequestInit?]>;

/** Installs a fetch mock answering by path; unknown paths fail like a dead network. */
export function mockFetch(routes: Record<string, (init?: RequestInit) => Response>): FetchMock {
  const mock: FetchMock = jest.fn((url: string, init?: RequestInit) => {
    const route = routes[url];
    return route ? Promise.resolve(route(init)) : Promise.reject(new TypeError('Failed to fetch'));
  });
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
}

export function bodyOf(init: RequestInit | undefined): unknown {
  return JSON.parse(String(init?.body));
}

export const taro = Taro as unknown as {
  navigateTo: jest.Mock;
  redirectTo: jest.Mock;
  reLaunch: jest.Mock;
  showToast: jest.Mock;
  cloud: { init: jest.Mock; callFunction: jest.Mock };
};

export function person(name: string, grants: unknown[]) {
  return { ok: true, data: { person: { id: `p-${name}`, name, grants } } };
}
