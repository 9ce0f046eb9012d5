import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WebhookCreate, WebhookCreated, WebhookDeliveryList, WebhookList } from '../../../shared/api/webhooks';
import { api, ApiError } from '../../api/client';

const keys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: keys.all, queryFn: () => api.get<WebhookList>('/api/webhooks'), select: (d) => d.items });
}

/** The latest deliveries of one webhook with their attempts; refreshed while shown, retries come by themselves. */
export function useDeliveries(id: string | null) {
  return useQuery({
    queryKey: keys.deliveries(id ?? ''),
    queryFn: () => api.get<WebhookDeliveryList>(`/api/webhooks/${encodeURIComponent(id ?? '')}/deliveries`, { limit: 50 }),
    enabled: id !== null,
    refetchInterval: 10_000,
  });
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookCreate) => api.post<WebhookCreated>('/api/webhooks', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

// The API client has no DELETE verb; this page is its one user here.
async function deleteWebhook(id: string): Promise<void> {
  const res = await fetch(`/api/webhooks/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (!res.ok && res.status !== 404) throw new ApiError(res.status, 'http_error', res.statusText);
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteWebhook, onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }) });
}
