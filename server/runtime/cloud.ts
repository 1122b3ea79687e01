/**
 * The one place the server code touches `wx-server-sdk`. In WeChat this is the real cloud;
 * locally and in tests the same module is answered by the embedded local cloud (localcloud/).
 */
import cloud from 'wx-server-sdk';

export type WxCloud = typeof cloud;
export type CloudDatabase = ReturnType<WxCloud['database']>;

let initialised = false;

export function getCloud(): WxCloud {
  if (!initialised) {
    // In WeChat, DYNAMIC_CURRENT_ENV is the environment the function is deployed in.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud;
}

export function callerOpenid(wx: WxCloud): string | undefined {
  const context = wx.getWXContext() as { OPENID?: string };
  return typeof context.OPENID === 'string' && context.OPENID.length > 0 ? context.OPENID : undefined;
}
