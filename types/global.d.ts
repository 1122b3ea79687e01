/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}

/** The WeChat cloud environment id, set at build time (`CLOUD_ENV=... taro build`); empty for the default. */
declare const CLOUD_ENV: string;

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time. */
    TARO_ENV: 'weapp' | 'h5' | 'rn' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'quickapp';
    CLOUD_ENV?: string;
  }
}
