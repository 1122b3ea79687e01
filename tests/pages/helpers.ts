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

export const ok = (data: unknown) => ({ ok: true, data });

/** The home screen's one answer (records.home): the person as session.whoami gives them, with the screen's parts. */
export function homeAnswer(whoami: { readonly data: { readonly person: unknown } }, parts: { today?: string; pairings?: unknown[]; results?: unknown[]; toConfirm?: unknown[]; pendingLeaders?: unknown[] } = {}) {
  return ok({ today: parts.today ?? '2026-03-05', person: whoami.data.person, pairings: parts.pairings ?? [], results: parts.results ?? [], toConfirm: parts.toConfirm ?? [], pendingLeaders: parts.pendingLeaders ?? [] });
}
export const fail = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, ...(field ? { field } : {}) } });

/** Throw from a handler to make that call fail like a dead network. */
export type ActionHandler = (input: Record<string, unknown>) => unknown;

/**
 * Answers `/api/call` by action name; other paths may be added. An action without a handler answers
 * UNKNOWN_ACTION, so a page calling something unexpected shows it.
 *
 * The caller is whoever the `session.whoami` handler answers: like the cloud functions, a call made
 * with `viewer: true` that succeeds gets that person as `viewer` (none when they have not joined).
 * Only calls that really reach this "server" are recorded, so a page that never calls whoami shows it.
 */
export function mockActions(handlers: Record<string, ActionHandler>, routes: Record<string, (init?: RequestInit) => Response> = {}) {
  const received: Array<{ action: string; input: Record<string, unknown>; viewer?: boolean }> = [];
  const fetch = mockFetch({
    ...routes,
    '/api/call': (init) => {
      const { action, input, viewer } = bodyOf(init) as { action: string; input: Record<string, unknown>; viewer?: boolean };
      const handler = handlers[action];
      if (!handler) return jsonResponse(fail('UNKNOWN_ACTION', `unmocked action ${action}`), 404);
      const answer = handler(input);
      received.push({ action, input, ...(viewer ? { viewer } : {}) });
      return jsonResponse(viewer ? withViewer(answer, handlers['session.whoami']) : answer);
    },
  });
  return {
    fetch,
    /** Inputs of the calls of one action that reached the "server" (not those failed by the network). */
    inputsOf: (action: string) => received.filter((call) => call.action === action).map((call) => call.input),
    /** Every call that reached the "server", in order: which action, and whether it asked for the caller. */
    calls: () => received.map(({ action, viewer }) => ({ action, viewer: viewer === true })),
  };
}

function withViewer(answer: unknown, whoami: ActionHandler | undefined): unknown {
  const ok = answer as { ok?: unknown };
  if (ok.ok !== true || !whoami) return answer;
  const caller = (whoami({}) as { data?: { person?: unknown } }).data?.person;
  return caller ? { ...(answer as object), viewer: caller } : answer;
}

export const taroControls = require('@tarojs/taro') as {
  __storage: Map<string, unknown>;
  __setRouterParams: (params: Record<string, string>) => void;
  __emitNetworkStatus: (status: { isConnected: boolean; networkType?: string }) => void;
  __emitAppShow: () => void;
};

type TaroMockName = 'getLocation' | 'chooseMedia' | 'setClipboardData' | 'requestSubscribeMessage' | 'showModal' | 'getStorageSync' | 'setStorageSync';
export const taroApi = Taro as unknown as Record<TaroMockName, jest.Mock> & { cloud: Record<'init' | 'callFunction' | 'uploadFile', jest.Mock> };

/** Let pending promises and React updates run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
