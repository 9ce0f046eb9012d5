import { useQuery } from '@tanstack/react-query';
import type { ColdCallsReport, EventGrouping, EventsReport } from '../../../shared/api/reports';
import { api, toQueryString, type QueryParams } from '../../api/client';

const EVENTS_REPORT_URL = '/api/reports/events';
const COLD_CALLS_URL = '/api/reports/cold-calls';

export type PeriodUnit = 'day' | 'week' | 'month';

export interface EventsReportParams extends QueryParams {
  /** Levels in the user's order: "counterparty,contactPerson". */
  groupBy: string;
  period?: PeriodUnit;
  details: boolean;
  from?: string;
  to?: string;
  counterpartyId?: string;
  contactPersonId?: string;
  kind?: string;
  importance?: string;
  state?: string;
  responsibleUserId?: string;
  infoSourceId?: string;
  lang: 'ru' | 'en';
}

export type { EventGrouping };

/** Runs once the user pressed «Сформировать» (params non-null). */
export function useEventsReport(params: EventsReportParams | null) {
  return useQuery({
    queryKey: ['reports', 'events', params ?? {}],
    queryFn: () => api.get<EventsReport>(EVENTS_REPORT_URL, { ...params, format: 'json' }),
    enabled: params !== null,
    staleTime: 0,
  });
}

/** The same report as a file; a plain link downloads it with the session cookie. */
export function eventsReportFileUrl(params: EventsReportParams, format: 'csv' | 'xlsx'): string {
  return EVENTS_REPORT_URL + toQueryString({ ...params, format });
}

export interface ColdCallsParams extends QueryParams {
  from?: string;
  to?: string;
  period: PeriodUnit;
  responsibleUserId?: string;
  lang: 'ru' | 'en';
}

export function useColdCalls(params: ColdCallsParams | null) {
  return useQuery({
    queryKey: ['reports', 'cold-calls', params ?? {}],
    queryFn: () => api.get<ColdCallsReport>(COLD_CALLS_URL, { ...params, format: 'json' }),
    enabled: params !== null,
    staleTime: 0,
  });
}

/** The statistics as a file (two sheets in XLSX, two sections in CSV). */
export function coldCallsFileUrl(params: ColdCallsParams, format: 'csv' | 'xlsx'): string {
  return COLD_CALLS_URL + toQueryString({ ...params, format });
}
