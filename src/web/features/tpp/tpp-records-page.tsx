import { Alert, Tabs } from '@mantine/core';
import { IconBuildingBank, IconGavel, IconListCheck, IconReceiptRefund, IconSignature, type Icon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { Role } from '../../../contracts/roles';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/id';
import { TppAdjustmentsTab } from './tpp-adjustments-tab';
import { TppBankAccountsTab } from './tpp-bank-accounts-tab';
import { TppComplianceTab } from './tpp-compliance-tab';
import { TppDisciplineTab } from './tpp-discipline-tab';
import { TppTreasurersTab } from './tpp-treasurers-tab';
import { canMaintainTppRecords, canReadTppResults } from './tpp-permissions';

interface RecordTab {
  slug: string;
  label: MessageKey;
  icon: Icon;
  Panel: ComponentType;
  isVisible: (roles: readonly Role[]) => boolean;
}

/** In the order of a month's work: corrections and decisions first, then compliance, then where to pay and who signs. */
const TABS: readonly RecordTab[] = [
  { slug: 'corrections', label: 'tppRecords.tab.corrections', icon: IconReceiptRefund, Panel: TppAdjustmentsTab, isVisible: canReadTppResults },
  { slug: 'discipline', label: 'tppRecords.tab.discipline', icon: IconGavel, Panel: TppDisciplineTab, isVisible: canMaintainTppRecords },
  { slug: 'compliance', label: 'tppRecords.tab.compliance', icon: IconListCheck, Panel: TppComplianceTab, isVisible: canMaintainTppRecords },
  { slug: 'bank-accounts', label: 'tppRecords.tab.bankAccounts', icon: IconBuildingBank, Panel: TppBankAccountsTab, isVisible: canMaintainTppRecords },
  { slug: 'treasurers', label: 'tppRecords.tab.treasurers', icon: IconSignature, Panel: TppTreasurersTab, isVisible: canMaintainTppRecords },
];

/** What admins record for TPP each month, one tab per kind of record, each tab its own address. */
export function TppRecordsPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const { tab } = useParams();
  const tabs = TABS.filter((candidate) => candidate.isVisible(me.roles));
  const active = tabs.find((candidate) => candidate.slug === tab);
  const first = tabs[0];
  if (!active) return first ? <Navigate to={`/tpp/records/${first.slug}`} replace /> : null;
  return (
    <>
      <PageHeader title={t('tppRecords.title')} description={t('tppRecords.description')} />
      {!canMaintainTppRecords(me.roles) && (
        <Alert color="blue" mb="sm">
          {t('tppRecords.readOnly')}
        </Alert>
      )}
      <Tabs value={active.slug} onChange={(slug) => slug && void navigate(`/tpp/records/${slug}`)} keepMounted={false}>
        <Tabs.List mb="sm" style={{ flexWrap: 'wrap' }}>
          {tabs.map(({ slug, label, icon: TabIcon }) => (
            <Tabs.Tab key={slug} value={slug} leftSection={<TabIcon size={16} />} data-testid={`tpp-records-tab-${slug}`}>
              {t(label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ slug, Panel }) => (
          <Tabs.Panel key={slug} value={slug}>
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
