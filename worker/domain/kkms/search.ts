/**
 * The KKM search of the cabinet: filters, grouping by point of sale
 * (city, then address) and keyset paging in that order.
 */
import {
  and,
  asc,
  eq,
  gte,
  like,
  lt,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { kkms, pointsOfSale } from "../../db/schema";
import { kkmProfiles } from "../../db/schema-kkm-admin";
import type { Logger } from "../../log";
import { POINT_OF_SALE_FIELDS, type PointOfSaleView } from "./catalog";
import { decodeCursor, encodeCursor } from "./cursor";
import { refreshActivations } from "./details";
import { kkmView, type DeviceType, type KkmView } from "./kkm-view";

/** Filters of the search; dates are `YYYY-MM-DD`, both ends inclusive. */
export interface KkmSearch {
  /** Part of the internal name or of the point of sale's title or address. */
  query?: string;
  pointOfSaleId?: string;
  status?: KkmView["status"];
  registeredFrom?: string;
  registeredTo?: string;
  deviceType?: DeviceType;
  /** The KGD number or its first digits. */
  kgdNumber?: string;
  cursor?: string;
  limit: number;
}

/** KKMs of one point of sale on a page. */
export interface KkmGroup {
  pointOfSale: PointOfSaleView;
  kkms: KkmView[];
}

/**
 * Finds the organisation's KKMs, ordered by city, address and system id,
 * and groups each page's KKMs by point of sale. A point of sale whose KKMs
 * run past the page end appears again at the top of the next page.
 */
export async function searchKkms(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  search: KkmSearch,
  log: Logger,
): Promise<{ groups: KkmGroup[]; nextCursor: string | null }> {
  const after = decodeCursor(search.cursor, "sssn");

  const rows = await db
    .select({
      kkm: kkms,
      profile: kkmProfiles,
      pointOfSale: POINT_OF_SALE_FIELDS,
    })
    .from(kkms)
    .innerJoin(pointsOfSale, eq(pointsOfSale.id, kkms.pointOfSaleId))
    .leftJoin(kkmProfiles, eq(kkmProfiles.kkmId, kkms.id))
    .where(
      and(eq(kkms.organisationId, organisationId), ...filters(search, after)),
    )
    .orderBy(
      asc(pointsOfSale.city),
      asc(pointsOfSale.address),
      asc(pointsOfSale.id),
      asc(kkms.id),
    )
    .limit(search.limit + 1);
  const page = rows.slice(0, search.limit);
  const fresh = await refreshActivations(db, env, page, log);

  const groups: KkmGroup[] = [];
  for (const [i, record] of fresh.entries()) {
    const pointOfSale = page[i]!.pointOfSale;
    const last = groups.at(-1);
    if (last?.pointOfSale.id === pointOfSale.id) {
      last.kkms.push(kkmView(record));
    } else {
      groups.push({ pointOfSale, kkms: [kkmView(record)] });
    }
  }
  const tail = page.at(-1);
  return {
    groups,
    nextCursor:
      rows.length > search.limit && tail
        ? encodeCursor([
            tail.pointOfSale.city,
            tail.pointOfSale.address,
            tail.pointOfSale.id,
            tail.kkm.id,
          ])
        : null,
  };
}

function filters(
  search: KkmSearch,
  after: (string | number)[] | undefined,
): (SQL | undefined)[] {
  const text = search.query ? `%${escapeLike(search.query)}%` : null;
  return [
    text
      ? or(
          likeEscaped(kkms.internalName, text),
          likeEscaped(pointsOfSale.title, text),
          likeEscaped(pointsOfSale.city, text),
          likeEscaped(pointsOfSale.address, text),
        )
      : undefined,
    search.pointOfSaleId
      ? eq(kkms.pointOfSaleId, search.pointOfSaleId)
      : undefined,
    search.status ? eq(kkms.status, search.status) : undefined,
    search.deviceType ? eq(kkms.deviceType, search.deviceType) : undefined,
    search.kgdNumber ? like(kkms.kgdNumber, `${search.kgdNumber}%`) : undefined,
    // registered_at is UTC, so the days are UTC days.
    search.registeredFrom
      ? gte(kkms.registeredAt, `${search.registeredFrom}T00:00:00`)
      : undefined,
    search.registeredTo
      ? lt(kkms.registeredAt, `${search.registeredTo}T99`)
      : undefined,
    after
      ? sql`(${pointsOfSale.city}, ${pointsOfSale.address}, ${pointsOfSale.id}, ${kkms.id}) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`
      : undefined,
  ];
}

/** LIKE with `\` as the escape character. */
// NOTE: SQLite's LIKE ignores case for ASCII letters only, so Cyrillic
// text matches only in the case typed.
function likeEscaped(column: AnyColumn, pattern: string): SQL {
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
