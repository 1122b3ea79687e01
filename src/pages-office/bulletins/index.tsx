import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { inChina } from '../../domain/time/chinaTime';
import { chinaDate } from '../../domain/time/chinaLabels';
import { callAction } from '../../client/callAction';
import { pageUrl } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/Chips';
import { FormField } from '../../components/FormField';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import type { OfficeViewer } from '../shared/officeAccess';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeQuery } from '../shared/useOfficeQuery';

const openBulletin = (id: string) => void Taro.navigateTo({ url: pageUrl('/pages-office/bulletins/edit/index', { id }) });
const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** The last quarter that has ended (the one to inspect), China time. */
function lastEndedQuarter(now: Date): { year: number; quarter: number } {
  const china = inChina(now);
  const quarter = Math.floor(china.month() / 3);
  return quarter === 0 ? { year: china.year() - 1, quarter: 4 } : { year: china.year(), quarter };
}

function Generate({ viewer, onDone }: { readonly viewer: OfficeViewer; readonly onDone: () => void }) {
  const scopes = [...(viewer.subject.district ? [{ id: 'district', label: '区级通报' }] : []), ...viewer.grants.filter((grant) => grant.role === 'streetOffice').map((grant) => ({ id: grant.scopeId, label: `${grant.scopeName}通报` }))];
  const suggested = lastEndedQuarter(new Date());
  const [scope, setScope] = useState(scopes[0]?.id ?? 'district');
  const [year, setYear] = useState(suggested.year);
  const [quarter, setQuarter] = useState(suggested.quarter);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function generate() {
    setBusy(true);
    setError(null);
    const result = await callAction('bulletins.generate', { year, quarter, ...(scope === 'district' ? {} : { streetId: scope }) });
    setBusy(false);
    if (result.ok) {
      onDone();
      openBulletin(result.data.bulletin.id);
    } else setError(result.error.message);
  }

  return (
    <Section id='generate' title='生成季度通报'>
      <Text className='card__text muted'>根据记录自动生成各单位“一月一到访、一季一活动”完成情况、好的做法、表扬和需整改的单位，再由您修改后发布。</Text>
      {scopes.length > 1 ? (
        <FormField id='field-scope' label='范围'>
          <Chips id='scope' options={scopes} selected={[scope]} onToggle={setScope} />
        </FormField>
      ) : null}
      <FormField id='field-year' label='年度'>
        <Chips id='year' options={[suggested.year, suggested.year - 1].map((value) => ({ id: String(value), label: `${value} 年` }))} selected={[String(year)]} onToggle={(value) => setYear(Number(value))} />
      </FormField>
      <FormField id='field-quarter' label='季度'>
        <Chips id='quarter' options={quarterNames.map((label, index) => ({ id: String(index + 1), label }))} selected={[String(quarter)]} onToggle={(value) => setQuarter(Number(value))} />
      </FormField>
      {error ? <Notice id='generate-error' tone='error' text={error} /> : null}
      <ActionButton id='generate-bulletin' text='生成通报草稿' busy={busy} busyText='正在根据记录生成…' onTap={() => void generate()} />
    </Section>
  );
}

function Bulletins() {
  const { state, access, reload } = useOfficeQuery('bulletins.list', {}, { returnTo: '/pages-office/bulletins/index' });
  if (access.status !== 'office') return <OfficeWaitingView state={access} onRetry={() => void reload()} />;
  return (
    <View>
      <Text className='page-title'>季度督办检查与通报</Text>
      <Generate viewer={access.viewer} onDone={() => void reload()} />
      <Section id='list' title='本年度通报'>
        {state.status !== 'ready' ? <OfficeWaitingView state={state} onRetry={() => void reload()} /> : null}
        {state.status === 'ready' && state.data.items.length === 0 ? <Text className='card__text'>本年度还没有通报。</Text> : null}
        {state.status === 'ready'
          ? state.data.items.map((item) => (
              <LinkRow key={item.id} id={`bulletin-${item.id}`} text={item.title} detail={item.state === 'published' ? `已发布 ${item.publishedAt ? chinaDate(item.publishedAt) : ''}` : '草稿'} onTap={() => openBulletin(item.id)} />
            ))
          : null}
      </Section>
    </View>
  );
}

/** 季度督办通报: generate the quarter's bulletin from the data, then edit and publish it (district and each street). */
export default function OfficeBulletinsPage() {
  return <PageFrame className='office-bulletins-page'><Bulletins /></PageFrame>;
}
