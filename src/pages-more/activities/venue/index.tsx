import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { VenueCodeView } from '../../../contract/activities';
import type { ActionError } from '../../../contract/errors';
import { callAction } from '../../../client/callAction';
import { usePageParams } from '../../../client/pageParams';
import { quickPosition } from '../../../client/quickPosition';
import { CalmState } from '../../../components/CalmState';
import { PageFooter } from '../../../components/PageFooter';
import { LoadingView } from '../../../components/StatusView';
import './index.css';

/**
 * 现场签到码: the organiser's phone shows a QR code that changes every few seconds; participants of
 * both sides scan it. A photo of the screen sent elsewhere soon stops working.
 */
export default function VenueCodePage() {
  const { id } = usePageParams();
  const [code, setCode] = useState<VenueCodeView>();
  const [error, setError] = useState<ActionError>();

  useEffect(() => {
    if (!id) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let first = true;
    const refresh = async () => {
      // The first code of the visit carries where this phone is (when allowed): that is the venue.
      const position = first ? await quickPosition() : undefined;
      first = false;
      const result = await callAction('activities.venueCode', { activityId: id, withQrImage: true, ...(position ? { position } : {}) });
      if (stopped) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setCode(result.data);
      timer = setTimeout(() => void refresh(), Math.max(result.data.secondsLeft, 1) * 1000);
    };
    void refresh();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  let body;
  if (!id) body = <CalmState id='venue-missing' title='缺少活动' text='请从联合活动列表打开现场签到码。' />;
  else if (error) body = <CalmState id='venue-refused' title='暂不能显示签到码' text={error.message} />;
  else if (!code) body = <LoadingView />;
  else
    body = (
      <View className='venue-code' id='venue-code'>
        {code.qrImage ? <Image className='venue-code__qr' src={code.qrImage} mode='aspectFit' /> : null}
        <Text className='venue-code__text'>签到码 {code.code}</Text>
        <Text className='venue-code__hint'>请参加活动的双方人员用微信扫码签到；二维码每 10 秒更新一次。</Text>
      </View>
    );
  return (
    <View className='page venue-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
