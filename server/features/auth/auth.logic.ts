export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 20;
const MAX_FAILURES_PER_IP = 200;

export function loginBlocked(failuresForAccount: number, failuresForIp: number): boolean {
  return failuresForAccount >= MAX_FAILURES_PER_ACCOUNT || failuresForIp >= MAX_FAILURES_PER_IP;
}
