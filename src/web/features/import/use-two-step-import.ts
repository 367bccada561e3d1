import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

export type ImportRunInput = { file: File; dryRun: boolean };

export interface TwoStepImport<R> {
  file: File | null;
  /** Picks another file: what was shown belonged to the previous one. */
  chooseFile: (file: File | null) => void;
  /** Forgets the dry run, the import and the last error (another entity was chosen). */
  resetResults: () => void;
  start: (isDryRun: boolean) => void;
  /** The import when one was committed, else the dry run, else null. */
  shown: R | null;
  isCommitAllowed: boolean;
  isDryRunPending: boolean;
  isCommitPending: boolean;
  error: Error | null;
}

/**
 * The state of an import in two steps: a dry run of the chosen file, then the real import of that
 * same file, allowed by `canCommit` (which knows whether the file is still the one dry-run).
 */
export function useTwoStepImport<R extends { isCommitted: boolean }, V extends ImportRunInput>(
  run: UseMutationResult<R, Error, V>,
  options: { toVariables: (input: ImportRunInput) => V; canCommit: (dryRun: R | null, isSameFile: boolean) => boolean },
): TwoStepImport<R> {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<{ result: R; file: File } | null>(null);
  const [committed, setCommitted] = useState<R | null>(null);

  const resetResults = () => {
    setDryRun(null);
    setCommitted(null);
    run.reset();
  };
  const start = (isDryRun: boolean) => {
    if (!file) return;
    setCommitted(null);
    run.mutate(options.toVariables({ file, dryRun: isDryRun }), {
      onSuccess: (result) => {
        if (isDryRun) setDryRun({ result, file });
        else {
          setCommitted(result);
          // A committed import invalidates the dry run: the next file needs its own.
          setDryRun(result.isCommitted ? null : { result, file });
        }
      },
    });
  };

  return {
    file,
    chooseFile: (next) => {
      setFile(next);
      resetResults();
    },
    resetResults,
    start,
    shown: committed ?? dryRun?.result ?? null,
    isCommitAllowed: options.canCommit(dryRun?.result ?? null, dryRun?.file === file),
    isDryRunPending: run.isPending && run.variables.dryRun,
    isCommitPending: run.isPending && !run.variables.dryRun,
    error: run.error,
  };
}
