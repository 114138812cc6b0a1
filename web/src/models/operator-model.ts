/** The operator's cabinet: organisations, applications, audit. */
import { signal } from "@preact/signals";
import { ApiError } from "../api/client";
import {
  approveApplication,
  blockOrganisation,
  fetchApplications,
  fetchOperatorAudit,
  rejectApplication,
  searchOrganisations,
  unblockOrganisation,
} from "../api/operator";
import type { TextKey } from "../i18n";
import { createPagedList } from "./paged-list-model";

/** Per-row state: the reason being typed, its problem, the API error. */
interface RowState {
  reason: string;
  problem: TextKey | null;
  error: ApiError | null;
  busy: boolean;
}

const EMPTY_ROW: RowState = {
  reason: "",
  problem: null,
  error: null,
  busy: false,
};

/** Row states by id, with helpers to read and patch one. */
function createRows() {
  const rows = signal<Record<string, RowState>>({});
  const get = (id: string) => rows.value[id] ?? EMPTY_ROW;
  const patch = (id: string, change: Partial<RowState>) => {
    rows.value = { ...rows.value, [id]: { ...get(id), ...change } };
  };

  /** Runs `action` for row `id`; true when it succeeded. */
  async function run(id: string, action: () => Promise<void>) {
    patch(id, { busy: true, error: null, problem: null });
    try {
      await action();
      patch(id, { ...EMPTY_ROW });
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      patch(id, { error, busy: false });
      return false;
    }
  }

  /** Checks that the row's reason is filled in. */
  function requireReason(id: string): string | null {
    const reason = get(id).reason.trim();
    if (reason === "") {
      patch(id, { problem: "errorReasonRequired" });
      return null;
    }
    return reason;
  }

  return { rows, get, patch, run, requireReason };
}

/** Organisation search with block and unblock. */
export function createOperatorOrganisationsModel() {
  const search = signal("");
  const list = createPagedList((cursor) =>
    searchOrganisations(search.value.trim(), cursor),
  );
  const rows = createRows();

  async function block(id: string): Promise<void> {
    const reason = rows.requireReason(id);
    if (reason === null) return;
    if (await rows.run(id, () => blockOrganisation(id, reason))) {
      await list.reload();
    }
  }

  async function unblock(id: string): Promise<void> {
    if (await rows.run(id, () => unblockOrganisation(id))) {
      await list.reload();
    }
  }

  return { search, list, rows, block, unblock };
}

/** Applications waiting for review, with approve and reject. */
export function createApplicationsModel() {
  const list = createPagedList(fetchApplications);
  const rows = createRows();

  function drop(id: string): void {
    list.items.value = list.items.value.filter((item) => item.id !== id);
  }

  async function approve(id: string): Promise<void> {
    if (await rows.run(id, () => approveApplication(id))) drop(id);
  }

  async function reject(id: string): Promise<void> {
    const reason = rows.requireReason(id);
    if (reason === null) return;
    if (await rows.run(id, () => rejectApplication(id, reason))) drop(id);
  }

  return { list, rows, approve, reject };
}

/** The operators' audit log. */
export function createOperatorAuditModel() {
  return createPagedList(fetchOperatorAudit);
}
