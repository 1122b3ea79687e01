import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OverviewView } from '../../contract/admin';
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
export function AdminSection({ overview }: { readonly overview: OverviewView }) {
  return (
    <Section id='office-admin' title='后台管理'>
      {overview.counts ? (
        <View className='card' id='office-counts'>
          <Text className='card__text'>
            {overview.year} 年度：单位 {overview.counts.units} 个 · “两新”组织 {overview.counts.orgs} 个 · 结对 {overview.counts.pairings} 对
          </Text>
        </View>
      ) : null}
      {links.map((link) => (
        <LinkRow key={link.id} id={link.id} text={link.text} onTap={() => void Taro.navigateTo({ url: link.url })} />
      ))}
    </Section>
  );
}
