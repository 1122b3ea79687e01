import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useActionQuery } from '../../client/useActionQuery';
import { LinkRow } from '../../components/LinkRow';
import { Section } from '../../components/Section';

const links = [
  { id: 'go-import', text: '导入、导出结对表', url: '/pages-office/import/index' },
  { id: 'go-directory', text: '单位、组织与结对', url: '/pages-office/directory/index' },
  { id: 'go-plans', text: '工作方案', url: '/pages-office/plans/index' },
  { id: 'go-feedback', text: '答复投诉建议', url: '/pages-office/feedback/index' },
  { id: 'go-audit', text: '审计记录', url: '/pages-office/audit/index' },
] as const;

/** 后台管理 on the office home: what the office looks after this year, and the way to each task. */
export function AdminSection() {
  const { state } = useActionQuery('admin.overview', {});
  return (
    <Section id='office-admin' title='后台管理'>
      {state.status === 'ready' && state.data.counts ? (
        <View className='card' id='office-counts'>
          <Text className='card__text'>
            {state.data.year} 年度：单位 {state.data.counts.units} 个 · “两新”组织 {state.data.counts.orgs} 个 · 结对 {state.data.counts.pairings} 对
          </Text>
        </View>
      ) : null}
      {links.map((link) => (
        <LinkRow key={link.id} id={link.id} text={link.text} onTap={() => void Taro.navigateTo({ url: link.url })} />
      ))}
    </Section>
  );
}
