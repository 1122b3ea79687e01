import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { AuditView, PersonAdminView } from '../../contract/admin';
import { callAction } from '../../client/callAction';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { changeLine } from '../../domain/admin/audit';
import { ActionButton } from '../../components/ActionButton';
import { FormField } from '../../components/FormField';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { LoadingView } from '../../components/StatusView';
import { chinaDateTimeLabel } from '../../components/format';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeAccess } from '../shared/useOfficeAccess';

interface Filter {
  readonly unitId?: string;
  readonly orgId?: string;
  readonly personId?: string;
  readonly label?: string;
}

function Trail({ initial, returnTo }: { readonly initial: Filter; readonly returnTo: string }) {
  const [filter, setFilter] = useState<Filter>(initial);
  const [trail, setTrail] = useState<AuditView | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [search, setSearch] = useState('');
  const [people, setPeople] = useState<readonly PersonAdminView[] | null>(null);
  const { access, call } = useOfficeAccess(returnTo);

  async function load(before?: string) {
    setLoading(true);
    setError(undefined);
    const { unitId, orgId, personId } = filter;
    const result = await call('admin.audit', { ...(unitId ? { unitId } : {}), ...(orgId ? { orgId } : {}), ...(personId ? { personId } : {}), ...(before ? { before } : {}), limit: 30 });
    setLoading(false);
    if (!result.ok) return setError(result.error.message);
    setTrail((previous) => (before && previous ? { ...result.data, items: [...previous.items, ...result.data.items] } : result.data));
  }
  useEffect(() => {
    void load();
  }, [filter]);

  async function findPeople() {
    const result = await callAction('admin.people', { scopeType: 'any', search: search.trim() });
    if (result.ok) setPeople(result.data.people);
    else setError(result.error.message);
  }

  if (access.status !== 'office') return <OfficeWaitingView state={access} onRetry={() => void load()} />;
  const district = access.viewer.subject.district;
  return (
    <View>
      <Text className='page-title'>审计记录</Text>
      <Text className='page-subtitle'>{filter.label ? `只看：${filter.label}` : '全部（最近的在前）'}</Text>
      {filter.label ? <ActionButton id='audit-all' text='查看全部' variant='secondary' onTap={() => setFilter({})} /> : null}
      {district ? (
        <FormField id='audit-person' label='按人员查看' hint='输入姓名查找，再点选人员'>
          <Input id='audit-person-search' className='form-input' type='text' confirmType='search' value={search} placeholder='输入姓名' onInput={(event) => setSearch(event.detail.value)} onConfirm={() => void findPeople()} />
          <View className='button-row'>
            <ActionButton id='audit-person-go' text='查找人员' variant='secondary' onTap={() => void findPeople()} />
          </View>
          {people?.length === 0 ? <Text className='muted'>没有找到此人</Text> : null}
          {people?.map((person) => <LinkRow key={person.id} id={`audit-person-${person.id}`} text={person.name} onTap={() => setFilter({ personId: person.id, label: person.name })} />)}
        </FormField>
      ) : null}
      {error ? <Notice tone='error' text={error} /> : null}
      <Section id='audit-items' title='谁在何时改了什么'>
        {trail?.items.length === 0 ? <Text className='muted'>没有记录</Text> : null}
        {trail?.items.map((item) => (
          <View key={item.id} className='card audit-item'>
            <Text className='card__title'>{item.title}</Text>
            <Text className='card__text'>{item.subjectName}</Text>
            {item.changes.map((change, index) => (
              <Text key={index} className='card__text'>
                {changeLine(change)}
              </Text>
            ))}
            {item.note ? <Text className='muted'>{item.note}</Text> : null}
            <Text className='muted'>
              {item.actorName} · {chinaDateTimeLabel(item.at)}
            </Text>
          </View>
        ))}
        {loading ? <LoadingView /> : null}
        {trail?.nextBefore && !loading ? <ActionButton id='audit-more' text='更早的记录' variant='secondary' onTap={() => void load(trail.nextBefore)} /> : null}
      </Section>
    </View>
  );
}

/** 审计记录: administration changes and record histories merged, filtered by unit, org or person. */
export default function AuditPage() {
  const params = usePageParams();
  const initial: Filter = { ...(params['unitId'] ? { unitId: params['unitId'] } : {}), ...(params['orgId'] ? { orgId: params['orgId'] } : {}), ...(params['personId'] ? { personId: params['personId'] } : {}), ...(params['label'] ? { label: params['label'] } : {}) };
  return <PageFrame className='audit-page'><Trail initial={initial} returnTo={pageUrl('/pages-office/audit/index', params)} /></PageFrame>;
}
