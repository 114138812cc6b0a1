/** The local mail outbox, served only when DEMO_MODE is on. */
import { request } from "./client";
import type { DevMail, Page } from "./types";

/** Loads the newest page of the outbox. */
export function fetchDevMail(): Promise<Page<DevMail>> {
  return request("GET", "/api/dev/mail?limit=100");
}
