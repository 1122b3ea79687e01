import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { ConfirmLink } from '../../contract/records';
import { callAction } from '../../client/callAction';
import { copyText } from '../../client/clipboard';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';

/** The confirm link as an address of the h5 app (hash router). */
function h5Address(link: ConfirmLink): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#/${link.path}`;
}

export interface ReachLeaderProps {
  readonly recordId: string;
  /** Null until `records.confirmLink` answers. */
  readonly link: ConfirmLink | null;
  readonly linkError?: string;
}

/**
 * A submitted record waits for the org's party leader. Three ways to reach them: the subscription
 * message the server already sent, a share card (h5: a link to copy), and a QR code to scan in person.
 */
export function ReachLeader({ recordId, link, linkError }: ReachLeaderProps) {
  const [qr, setQr] = useState<string | null>(null);
  const [qrBusy, setQrBusy] = useState(false);
  const [qrError, setQrError] = useState<string | null>(null);

  async function showQr() {
    setQrBusy(true);
    setQrError(null);
    const result = await callAction('records.confirmLink', { recordId, withQrImage: true });
    setQrBusy(false);
    if (result.ok && result.data.qrImage) setQr(result.data.qrImage);
    else setQrError(result.ok ? '二维码生成失败，请重试' : result.error.message);
  }

  return (
    <Section id='reach-leader' title='请组织负责人确认'>
      <Notice tone='info' text='已通过微信订阅消息提醒组织负责人（对方允许接收提醒时送达）。也可以用下面的方式请对方确认：' />
      {linkError ? <Notice tone='error' text={linkError} /> : null}
      {link !== null && process.env.TARO_ENV === 'weapp' ? (
        <Button id='share-to-leader' className='action-button action-button--primary record-page__share' openType='share'>
          发送给负责人
        </Button>
      ) : null}
      {link !== null && process.env.TARO_ENV !== 'weapp' ? (
        <View className='card' id='share-link'>
          <Text className='card__text'>把确认链接发给负责人：</Text>
          <Text id='confirm-link' className='record-page__link' userSelect>
            {h5Address(link)}
          </Text>
          <ActionButton
            id='copy-link'
            text='复制确认链接'
            variant='secondary'
            onTap={() => void copyText(h5Address(link), '确认链接')}
          />
        </View>
      ) : null}
      {qr === null ? (
        <ActionButton id='show-qr' text='出示二维码' variant='secondary' busy={qrBusy} busyText='正在生成…' onTap={() => void showQr()} />
      ) : (
        <View className='record-page__qr' id='confirm-qr'>
          <Image className='record-page__qr-image' src={qr} mode='scaleToFill' />
          <Text className='record-page__qr-text'>请组织负责人用微信扫一扫，确认这条记录</Text>
        </View>
      )}
      {qrError ? <Notice tone='error' text={qrError} /> : null}
    </Section>
  );
}
