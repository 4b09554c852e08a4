// The few extension APIs the end-to-end tests call inside extension pages and the service worker.
declare namespace chrome {
  namespace tabs {
    function query(filter: object): Promise<{ id?: number; url?: string }[]>;
    function sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  }
  namespace runtime {
    function sendMessage(message: unknown): Promise<unknown>;
  }
  namespace storage {
    const sync: { get(keys: string | string[] | null): Promise<Record<string, unknown>> };
  }
  namespace permissions {
    function getAll(): Promise<{ permissions?: string[]; origins?: string[] }>;
  }
}
