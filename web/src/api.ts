/** Typed calls of the portal API. */

export interface Health {
  status: string;
  time: string;
}

/** Reads the service status; throws with the API's message on failure. */
export async function fetchHealth(): Promise<Health> {
  const response = await fetch("/api/health");
  if (!response.ok) {
    throw new Error(`GET /api/health failed with ${response.status}`);
  }
  return (await response.json()) as Health;
}
