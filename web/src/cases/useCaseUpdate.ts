// Changing a case with an optimistic picture: the page shows the change at once, the server
// decides (with the version the agent saw, If-Match), and a refusal puts the case back as it
// was and says why. 412 (changed meanwhile) reloads the case so the agent sees the new state.
import { notify } from '../ui/notify.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDto, UpdateCaseInput } from '../api/contracts.ts';
import { isApiError } from '../api/http.ts';
import { updateCase } from './cases.api.ts';
import { caseKeys } from './cases.keys.ts';

export interface CaseUpdate {
  version: number;
  changes: UpdateCaseInput;
  /** What the page may show before the answer (only fields known for sure). */
  optimistic: Partial<CaseDto>;
}

/** `toast: false` when the caller shows the refusal itself. */
export function useCaseUpdate(caseId: string, options: { onRefused?: (error: unknown) => void; toast?: boolean } = {}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = caseKeys.detail(caseId);
  return useMutation({
    mutationFn: (u: CaseUpdate) => updateCase(caseId, u.version, u.changes),
    onMutate: async (u) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<CaseDto>(key);
      if (previous) queryClient.setQueryData<CaseDto>(key, { ...previous, ...u.optimistic });
      return { previous };
    },
    onError: (error, _u, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      const message = isApiError(error) ? (error.problem.detail ?? error.problem.title) : String(error);
      if (options.toast !== false) notify({ color: 'red', title: isApiError(error, 412) ? t('controls.staleTitle') : t('workspace.controls.refused'), message });
      if (isApiError(error, 412)) void queryClient.invalidateQueries({ queryKey: key });
      options.onRefused?.(error);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(key, updated);
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
