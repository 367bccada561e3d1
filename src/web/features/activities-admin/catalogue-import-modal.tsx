import { useT } from '../../i18n/i18n-context';
import { TwoStepImportModal } from '../import/two-step-import-modal';
import { canCommitCatalogueImport, downloadCatalogueTemplate, useRunCatalogueImport } from './activities-admin-api';

/** Catalogue import in two steps; an item whose fields change gets a new version instead of being overwritten. */
export function CatalogueImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const run = useRunCatalogueImport();
  return (
    <TwoStepImportModal
      title={t('activityAdmin.import.title')}
      description={t('activityAdmin.import.description')}
      hints={[t('activityAdmin.import.versionHint')]}
      testIdPrefix="catalogue"
      run={run}
      downloadTemplate={downloadCatalogueTemplate}
      canCommit={canCommitCatalogueImport}
      extraSummaryItems={(result) => [{ label: t('activityAdmin.import.newVersions'), value: result.newVersions }]}
      committedMessage={(result) => t('activityAdmin.import.committed', { created: result.created, updated: result.updated, versions: result.newVersions })}
      onClose={onClose}
    />
  );
}
