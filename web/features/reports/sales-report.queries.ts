import { useQuery } from '@tanstack/react-query';
import type { SalesGrouping, SalesReport } from '../../../shared/api/reports';
import { api, toQueryString, type QueryParams } from '../../api/client';
import { keys } from '../../api/keys';

const SALES_REPORT_URL = '/api/reports/sales';

export interface SalesReportParams extends QueryParams {
  from?: string;
  to?: string;
  groupBy: SalesGrouping;
  thenBy?: SalesGrouping;
  counterpartyId?: string;
  responsibleUserId?: string;
  lang: 'ru' | 'en';
}

/** Runs once the user pressed «Сформировать» (params non-null). */
export function useSalesReport(params: SalesReportParams | null) {
  return useQuery({
    queryKey: keys.salesReport(params ?? {}),
    queryFn: () => api.get<SalesReport>(SALES_REPORT_URL, { ...params, format: 'json' }),
    enabled: params !== null,
    staleTime: 0,
  });
}

/** The same report as a file; a plain link downloads it with the session cookie. */
export function salesReportFileUrl(params: SalesReportParams, format: 'csv' | 'xlsx'): string {
  return SALES_REPORT_URL + toQueryString({ ...params, format });
}
