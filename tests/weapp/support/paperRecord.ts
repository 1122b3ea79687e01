import type { Phone } from './phone';

/**
 * 补录纸质记录 from the office workbench: the pairing picker, then the paper record form for the
 * first pairing in scope (opened, not sent: the journeys measure every page, they do not write).
 */
export async function paperRecordOpens(phone: Phone, opens: (id: string, route: string, landmark: string) => Promise<void>): Promise<void> {
  await opens('go-paper-record', 'pages-office/paper-record/index', 'paper-pairing-picker');
  const pairingRow = () => phone.ids('paper-pairing-').filter((id) => id !== 'paper-pairing-picker')[0];
  await phone.until(() => pairingRow() !== undefined, 'a pairing to enter a paper record for', 90_000);
  await phone.tap(pairingRow()!);
  await phone.waitFor('paper-send');
  await phone.settle();
}
