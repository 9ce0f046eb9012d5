import { useQuery } from '@tanstack/react-query';
import type { ContactInfoReport } from '../../../shared/api/reports';
import { api, toQueryString, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';

const REPORT_URL = '/api/reports/contact-info';

export interface ContactInfoReportParams extends QueryParams {
  objects: string;
  kinds: string;
  q?: string;
  responsibleUserId?: string;
  onlyWithContactInfo?: boolean;
  lang: 'ru' | 'en';
}

/** Runs only once the user pressed "Generate" (params non-null). */
export function useContactInfoReport(params: ContactInfoReportParams | null) {
  return useQuery({
    queryKey: keys.reports.contactInfo(params ?? {}),
    queryFn: () => api.get<ContactInfoReport>(REPORT_URL, { ...params, format: 'json' }),
    enabled: params !== null,
    staleTime: 0,
  });
}

/** The same report as a file; a plain link lets the browser download it with the session cookie. */
export function reportFileUrl(params: ContactInfoReportParams, format: 'csv' | 'xlsx'): string {
  return REPORT_URL + toQueryString({ ...params, format });
}
