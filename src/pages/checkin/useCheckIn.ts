import { useState } from 'react';
import type { ActionError } from '../../contract/errors';
import type { CheckInView } from '../../contract/records';
import { callAction } from '../../client/callAction';
import { currentPosition } from '../../client/location';

export type CheckInState =
  | { readonly step: 'ready' }
  | { readonly step: 'locating' }
  | { readonly step: 'sending' }
  | { readonly step: 'noLocation'; readonly denied: boolean }
  | { readonly step: 'failed'; readonly error: ActionError }
  | { readonly step: 'done'; readonly checkIn: CheckInView };

/** One tap: where am I (WGS-84), then `records.checkIn`. The server never refuses for distance or accuracy. */
export function useCheckIn(pairingId: string) {
  const [state, setState] = useState<CheckInState>({ step: 'ready' });

  async function checkIn() {
    setState({ step: 'locating' });
    const position = await currentPosition();
    if (!position.ok) {
      setState({ step: 'noLocation', denied: position.denied });
      return;
    }
    setState({ step: 'sending' });
    const result = await callAction('records.checkIn', {
      pairingId,
      latitude: position.latitude,
      longitude: position.longitude,
      accuracy: position.accuracy,
    });
    setState(result.ok ? { step: 'done', checkIn: result.data.checkIn } : { step: 'failed', error: result.error });
  }

  return { state, checkIn, reset: () => setState({ step: 'ready' }) };
}
