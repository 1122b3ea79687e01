import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { BulletinView } from '../../../contract/bulletins';
import { chinaDate } from '../../../domain/time/chinaLabels';
import { callAction } from '../../../client/callAction';
import { useSignInRedirect } from '../../../client/signIn';
import { useActionQuery } from '../../../client/useActionQuery';
import { LinkRow } from '../../../components/LinkRow';
import { Notice } from '../../../components/Notice';
import { PageFooter } from '../../../components/PageFooter';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { BulletinBody } from '../../../components/BulletinBody';

/** 督办通报: the published quarterly bulletins that concern the caller's unit (the district's and its street's). */
export default function UnitBulletinsPage() {
  const { state, reload } = useActionQuery('bulletins.list', {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages-more/points/bulletins/index');
  const [open, setOpen] = useState<BulletinView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function read(id: string) {
    setError(null);
    const result = await callAction('bulletins.get', { bulletinId: id });
    if (result.ok) setOpen(result.data.bulletin);
    else setError(result.error.message);
  }

  let body;
  if (state.status === 'loading' || redirecting) body = <LoadingView />;
  else if (state.status === 'error') body = <ErrorView error={state.error} onRetry={() => void reload()} />;
  else if (state.data.items.length === 0) body = <Text className='card__text' id='no-bulletins'>暂无涉及本单位的通报。</Text>;
  else
    body = (
      <View>
        {state.data.items.map((item) => (
          <LinkRow key={item.id} id={`open-${item.id}`} text={item.title} detail={`${item.scopeName} · ${item.publishedAt ? chinaDate(item.publishedAt) : ''}`} onTap={() => void read(item.id)} />
        ))}
      </View>
    );

  return (
    <View className='page bulletins-page'>
      <View className='page__body'>
        <Text className='page-title'>督办通报</Text>
        {error ? <Notice id='read-error' tone='error' text={error} /> : null}
        {open ? <BulletinBody bulletin={open} /> : null}
        {body}
      </View>
      <PageFooter />
    </View>
  );
}
