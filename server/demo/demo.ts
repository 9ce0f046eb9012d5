export async function loadDemoData(..._args: unknown[]): Promise<{ loaded: boolean; adminEmail?: string; password?: string }> {
  return { loaded: false };
}
