import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { DirectoryView } from '../../contract/admin';
import { orgKinds, unitLevels } from '../../domain/catalog/organisations';
import { pageUrl } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/Chips';
import { FormField } from '../../components/FormField';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { LoadingView } from '../../components/StatusView';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeAccess } from '../shared/useOfficeAccess';

type Kind = 'units' | 'orgs' | 'pairings';
const kindOptions = [
  { id: 'units' as const, label: '单位' },
  { id: 'orgs' as const, label: '“两新”组织' },
  { id: 'pairings' as const, label: '本年度结对' },
];

function Directory() {
  const [kind, setKind] = useState<Kind>('units');
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [page, setPage] = useState<DirectoryView | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const { access, call } = useOfficeAccess('/pages-office/directory/index');

  async function load(cursor?: string) {
    setLoading(true);
    setError(undefined);
    const result = await call('admin.directory', { kind, ...(applied ? { search: applied } : {}), ...(cursor ? { cursor } : {}), limit: 50 });
    setLoading(false);
    if (!result.ok) return setError(result.error.message);
    setPage((previous) =>
      cursor && previous
        ? { ...result.data, units: [...previous.units, ...result.data.units], orgs: [...previous.orgs, ...result.data.orgs], pairings: [...previous.pairings, ...result.data.pairings] }
        : result.data,
    );
  }

  useEffect(() => {
    void load();
  }, [kind, applied]);
  useDidShow(() => {
    if (page) void load();
  });

  if (access.status !== 'office') return <OfficeWaitingView state={access} onRetry={() => void load()} />;
  const open = (path: string, id?: string) => void Taro.navigateTo({ url: pageUrl(path, { id }) });
  return (
    <View>
      <Text className='page-title'>单位与组织</Text>
      <Chips id='directory-kind' options={kindOptions} selected={[kind]} onToggle={(option) => setKind(option)} />
      <FormField id='directory-search-field' label='搜索'>
        <Input id='directory-search' className='form-input' value={search} placeholder='按名称或编码搜索' confirmType='search' onInput={(event) => setSearch(event.detail.value)} onConfirm={() => setApplied(search.trim())} />
        <View className='button-row'>
          <ActionButton id='directory-search-go' text='搜索' variant='secondary' onTap={() => setApplied(search.trim())} />
        </View>
      </FormField>
      {kind === 'units' ? <ActionButton id='new-unit' text='新增单位' variant='secondary' onTap={() => open('/pages-office/unit/index')} /> : null}
      {kind === 'orgs' ? <ActionButton id='new-org' text='新增“两新”组织' variant='secondary' onTap={() => open('/pages-office/org/index')} /> : null}
      {error ? <Notice tone='error' text={error} /> : null}
      {page ? <Text className='page-subtitle'>共 {page.total} 个</Text> : null}
      {page?.units.map((unit) => <LinkRow key={unit.id} id={`unit-${unit.id}`} text={unit.name} detail={`${unit.streetName} · ${unitLevels[unit.level]}`} onTap={() => open('/pages-office/unit/index', unit.id)} />)}
      {page?.orgs.map((org) => <LinkRow key={org.id} id={`org-${org.id}`} text={org.name} detail={`${org.streetName} · ${orgKinds[org.kind]}`} onTap={() => open('/pages-office/org/index', org.id)} />)}
      {page?.pairings.map((pairing) => (
        <LinkRow key={pairing.id} id={`pairing-${pairing.id}`} text={`${pairing.unitName} ↔ ${pairing.orgName}`} detail={pairing.endDate ? `已于 ${pairing.endDate} 结束` : `自 ${pairing.startDate}`} onTap={() => open('/pages-office/unit/index', pairing.unitId)} />
      ))}
      {loading ? <LoadingView /> : null}
      {page?.nextCursor && !loading ? <ActionButton id='directory-more' text='加载更多' variant='secondary' onTap={() => void load(page.nextCursor)} /> : null}
    </View>
  );
}

/** 单位与组织: the office's units, orgs and this year's pairings, searchable; each opens its page. */
export default function DirectoryPage() {
  return <PageFrame className='directory-page'><Directory /></PageFrame>;
}
