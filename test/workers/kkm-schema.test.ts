import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { KkmSession } from "../../durable/kkm-session";
import { KkmStore, SCHEMA_CHANGES } from "../../durable/kkm/store";
import { kkmSession } from "../../worker/domain/kkm-session-stub";

describe("KKM object schema", () => {
  it("applies each change once, in order", async () => {
    const stub = kkmSession(env, 3_900_000_001);
    // The object has applied the real changes already; two more follow.
    const changes = [
      ...SCHEMA_CHANGES,
      ["CREATE TABLE later_one (id INTEGER PRIMARY KEY)"],
      ["ALTER TABLE later_one ADD COLUMN note TEXT"],
    ];
    const latest = 1 + changes.length;

    const versions = await runInDurableObject(
      stub,
      (_instance: KkmSession, state) => {
        const first = new KkmStore(state.storage.sql, state.storage, changes);
        // A second open finds both changes applied and runs neither again.
        const second = new KkmStore(state.storage.sql, state.storage, changes);
        const columns = state.storage.sql
          .exec<{ name: string }>("PRAGMA table_info(later_one)")
          .toArray()
          .map((column) => column.name);
        return {
          first: first.schemaVersion(),
          second: second.schemaVersion(),
          columns,
        };
      },
    );

    expect(versions.first).toBe(latest);
    expect(versions.second).toBe(latest);
    expect(versions.columns).toEqual(["id", "note"]);
  });

  it("brings new objects to the latest version", async () => {
    const stub = kkmSession(env, 3_900_000_002);
    const version = await runInDurableObject(
      stub,
      (_instance: KkmSession, state) =>
        new KkmStore(state.storage.sql, state.storage).schemaVersion(),
    );
    expect(version).toBe(1 + SCHEMA_CHANGES.length);
  });
});
