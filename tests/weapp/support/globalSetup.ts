import { ensureWeappBuild } from './build';

/** The weapp tier runs the mini-program as built for WeChat: build `dist/weapp` when it is missing or stale. */
export default function globalSetup(): void {
  ensureWeappBuild();
}
