// The authority limits and the gesture scale as admins see and change them: the version in
// force, saving a new one (PUT, refused with 412 when another was saved meanwhile).
import { queryOptions } from '@tanstack/react-query';
import type { AuthorityLimits, GestureScale, SettingsVersionDto } from '../../../../src/modules/gestures/gestures.contract.ts';
import { api } from '../../api/http.ts';

export type SettingName = 'limits' | 'scale';
export type SettingDocument = { limits: AuthorityLimits; scale: GestureScale };

export const gestureSettingKeys = { all: ['admin', 'gesture-settings'] as const, one: (name: SettingName) => ['admin', 'gesture-settings', name] as const };

export function settingQuery<N extends SettingName>(name: N) {
  return queryOptions({
    queryKey: gestureSettingKeys.one(name),
    queryFn: ({ signal }) => api<SettingsVersionDto<SettingDocument[N]>>(`/api/v1/gestures/${name}`, { signal }),
  });
}

export const saveSetting = <N extends SettingName>(name: N, body: { document: unknown; comment: string | null; basedOnVersion: number }) =>
  api<SettingsVersionDto<SettingDocument[N]>>(`/api/v1/gestures/${name}`, { method: 'PUT', body });
