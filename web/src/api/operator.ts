/** Calls of the OFD operator's cabinet. */
import { query, request } from "./client";
import type {
  Application,
  AuditEntry,
  OperatorOrganisation,
  Page,
} from "./types";

/** Searches organisations by IIN/BIN or name. */
export function searchOrganisations(
  text: string,
  cursor: string | null,
): Promise<Page<OperatorOrganisation>> {
  return request(
    "GET",
    `/api/operator/organisations${query({ query: text, cursor })}`,
  );
}

/** Loads the offer applications waiting for review. */
export function fetchApplications(
  cursor: string | null,
): Promise<Page<Application>> {
  return request(
    "GET",
    `/api/operator/applications${query({ status: "paper_pending", cursor })}`,
  );
}

/** The address of an application's uploaded scan. */
export function applicationFileUrl(id: string): string {
  return `/api/operator/applications/${encodeURIComponent(id)}/file`;
}

/** Accepts the application: the organisation's offer becomes accepted. */
export function approveApplication(id: string): Promise<void> {
  return request(
    "POST",
    `/api/operator/applications/${encodeURIComponent(id)}/approve`,
  );
}

/** Rejects the application with a reason shown to the taxpayer. */
export function rejectApplication(id: string, reason: string): Promise<void> {
  return request(
    "POST",
    `/api/operator/applications/${encodeURIComponent(id)}/reject`,
    { reason },
  );
}

/** Blocks the organisation and its KKMs with a reason. */
export function blockOrganisation(id: string, reason: string): Promise<void> {
  return request(
    "POST",
    `/api/operator/organisations/${encodeURIComponent(id)}/block`,
    { reason },
  );
}

/** Lifts the block of the organisation. */
export function unblockOrganisation(id: string): Promise<void> {
  return request(
    "POST",
    `/api/operator/organisations/${encodeURIComponent(id)}/unblock`,
  );
}

/** Loads one page of the operators' audit log. */
export function fetchOperatorAudit(
  cursor: string | null,
): Promise<Page<AuditEntry>> {
  return request("GET", `/api/operator/audit${query({ cursor })}`);
}
