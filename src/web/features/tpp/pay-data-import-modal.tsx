import { useT } from '../../i18n/i18n-context';
import { TwoStepImportModal } from '../import/two-step-import-modal';
import { canCommitPayDataImport, downloadPayDataTemplate, useRunPayDataImport } from './pay-data-api';

/** Pay-data import in two steps: a dry run that lists every bad row, then the real import of the same file. */
export function PayDataImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const run = useRunPayDataImport();
  return (
    <TwoStepImportModal
      title={t('payData.importTitle')}
      description={t('payData.importDescription')}
      hints={[t('import.stepCommit')]}
      testIdPrefix="pay-data"
      run={run}
      downloadTemplate={downloadPayDataTemplate}
      canCommit={canCommitPayDataImport}
      committedMessage={(result) => t('payData.importCommitted', { created: result.created, updated: result.updated })}
      onClose={onClose}
    />
  );
}
