import { useQuery } from '@tanstack/react-query';
import type { AbcMovement, AbcReport } from '../../../shared/api/reports';
import { api, toQueryString, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';

const ABC_REPORT_URL = '/api/reports/abc';
const ABC_MOVEMENT_URL = '/api/reports/abc-movement';

export interface AbcReportParams extends QueryParams {
  classificationId?: string;
  abcClass?: 'A' | 'B' | 'C';
  responsibleUserId?: string;
  lang: 'ru' | 'en';
}

export interface AbcMovementParams extends QueryParams {
  from?: string;
  to?: string;
  responsibleUserId?: string;
}

/** Runs once the user pressed «Сформировать» (params non-null). */
export function useAbcReport(params: AbcReportParams | null) {
  return useQuery({
    queryKey: keys.abcReport(params ?? {}),
    queryFn: () => api.get<AbcReport>(ABC_REPORT_URL, { ...params, format: 'json' }),
    enabled: params !== null,
    staleTime: 0,
  });
}

/** The same report as a file; a plain link downloads it with the session cookie. */
export function abcReportFileUrl(params: AbcReportParams, format: 'csv' | 'xlsx'): string {
  return ABC_REPORT_URL + toQueryString({ ...params, format });
}

export function useAbcMovement(params: AbcMovementParams | null) {
  return useQuery({
    queryKey: keys.abcMovement(params ?? {}),
    queryFn: () => api.get<AbcMovement>(ABC_MOVEMENT_URL, params ?? {}),
    enabled: params !== null,
    staleTime: 0,
  });
}
