import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud } from './client/callAction';
import { startQueueRetries } from './client/recordQueue';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
    // Records written offline are sent when the network is back, whichever page opens first.
    startQueueRetries();
  });
  return children;
}

export default App;
