import sdk from 'wx-server-sdk';

/** The real `wx-server-sdk` module, which the local cloud answers once installed. */
export type WxServerSdk = typeof sdk;

export function wxServerSdk(): WxServerSdk {
  return sdk;
}
