/**
 * Organisations' goods lists, sent to their KKMs by COMMAND_NOMENCLATURE.
 * Every change raises the organisation's list version by one in the same
 * D1 batch, so a register that requests it with an older version gets the
 * new list.
 */
import { and, eq, sql } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { z } from "zod";
import {
  nationalCatalogue,
  nomenclatureElements,
  nomenclatureVersions,
} from "../db/schema-catalog";
import { AppError } from "../errors";

// NOTE: every element is one statement in the batch. D1 allows a Worker
// invocation 1000 queries on paid plans and 50 on free ones. Whether each
// statement of a batch counts against that limit is not verified.
/** Maximum number of elements one call may add. */
export const MAX_ELEMENTS_PER_CHANGE = 500;

const tiyn = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const optionalText = (max: number) =>
  z.string().min(1).max(max).nullable().default(null);

const groupFields = {
  /** Id of a group of the same organisation; null or absent at the root. */
  parentGroupId: z.number().int().positive().nullable().default(null),
  title: z.string().min(1).max(256),
  titleKk: optionalText(256),
};

const groupSchema = z.strictObject({
  type: z.literal("group"),
  ...groupFields,
});

const itemSchema = z
  .strictObject({
    type: z.literal("item"),
    ...groupFields,
    article: optionalText(64),
    barcode: optionalText(64),
    description: optionalText(1024),
    sellPrice: tiyn,
    /** Required by 2.0.2 registers, so it is 0 when not given. */
    purchasePrice: tiyn.default(0),
    measureUnitCode: optionalText(16),
    measureTitle: optionalText(64),
    measureFractional: z.boolean().default(false),
    ntin: optionalText(32),
    /** Thousandths of a percent: 12000 is 12 %. Null without VAT. */
    vatPercent: z.number().int().min(0).max(100_000).nullable().default(null),
    /** TaxationTypeEnum: 100 STS, 101 RTS, 102 TRFF, 103 TRBP. */
    taxationType: z.literal([100, 101, 102, 103]).nullable().default(null),
    isMarked: z.boolean().default(false),
    isSocial: z.boolean().default(false),
  })
  .refine((item) => item.vatPercent === null || item.taxationType !== null, {
    message: "taxationType is required when vatPercent is set",
    path: ["taxationType"],
  });

const elementSchema = z.discriminatedUnion("type", [groupSchema, itemSchema]);

/** A new group or item of a goods list; prices are in tiyn. */
export type NewElement = z.input<typeof elementSchema>;

type Element = z.output<typeof elementSchema>;

/** Fields of an element to change; its type cannot change. */
export type ElementChanges = Partial<Omit<z.input<typeof itemSchema>, "type">>;

const catalogueRowSchema = z.strictObject({
  barcode: z.string().regex(/^\d{1,64}$/),
  ntin: z.string().min(1).max(32),
  nameRu: z.string().min(1).max(512),
  nameKk: optionalText(512),
  measureUnitCode: optionalText(16),
});

/** One goods record of the National Catalogue of Goods. */
export type CatalogueRow = z.input<typeof catalogueRowSchema>;

/** D1 binds at most 100 parameters per statement and a row takes six. */
const CATALOGUE_ROWS_PER_STATEMENT = 16;

/**
 * Inserts or replaces National Catalogue records by barcode, all in one
 * D1 batch, and returns how many barcodes were written. Of two records with
 * one barcode the later wins. Throws BAD_REQUEST before writing anything
 * when a record is invalid.
 */
export async function importNationalCatalogue(
  db: DrizzleD1Database,
  rows: CatalogueRow[],
  now = new Date(),
): Promise<number> {
  const parsed = rows.map((row, index) => {
    const result = catalogueRowSchema.safeParse(row);
    if (!result.success) {
      throw new AppError(
        "BAD_REQUEST",
        `invalid catalogue row ${index}: ${z.prettifyError(result.error)}`,
      );
    }
    return result.data;
  });

  // One statement cannot upsert a barcode twice, so duplicates go first.
  const unique = [...new Map(parsed.map((row) => [row.barcode, row])).values()];

  const importedAt = now.toISOString();
  const statements = [];
  for (let i = 0; i < unique.length; i += CATALOGUE_ROWS_PER_STATEMENT) {
    const chunk = unique.slice(i, i + CATALOGUE_ROWS_PER_STATEMENT);
    statements.push(
      db
        .insert(nationalCatalogue)
        .values(chunk.map((row) => ({ ...row, importedAt })))
        .onConflictDoUpdate({
          target: nationalCatalogue.barcode,
          set: {
            ntin: sql`excluded.ntin`,
            nameRu: sql`excluded.name_ru`,
            nameKk: sql`excluded.name_kk`,
            measureUnitCode: sql`excluded.measure_unit_code`,
            importedAt,
          },
        }),
    );
  }

  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return unique.length;
}

/**
 * Adds groups and items to an organisation's list as one new version and
 * returns their ids. An element can only sit in a group that exists before
 * the call.
 */
export async function addGoods(
  db: DrizzleD1Database,
  organisationId: string,
  elements: NewElement[],
  now = new Date(),
): Promise<{ ids: number[]; version: number }> {
  if (elements.length === 0 || elements.length > MAX_ELEMENTS_PER_CHANGE) {
    throw new AppError(
      "BAD_REQUEST",
      `add 1 to ${MAX_ELEMENTS_PER_CHANGE} elements at a time, got ${elements.length}`,
    );
  }
  const parsed = elements.map((element, index) =>
    parseElement(element, `element ${index}`),
  );

  const groups = await loadGroups(db, organisationId);
  for (const element of parsed) checkParent(groups, element.parentGroupId);

  const updatedAt = now.toISOString();
  const inserts = parsed.map((element) =>
    db
      .insert(nomenclatureElements)
      .values({ ...columnsOf(element), organisationId, updatedAt })
      .returning({ id: nomenclatureElements.id }),
  );
  const [versionRows, ...insertedRows] = await db.batch([
    bumpVersion(db, organisationId, now),
    ...inserts,
  ]);

  const ids = insertedRows.map((rows) => {
    const id = rows[0]?.id;
    if (id === undefined) throw new Error("element insert returned no row");
    return id;
  });
  return { ids, version: versionOf(versionRows) };
}

/**
 * Changes one element of an organisation's list as a new version. Throws
 * NOT_FOUND for an unknown element and BAD_REQUEST for invalid changes.
 */
export async function updateElement(
  db: DrizzleD1Database,
  organisationId: string,
  elementId: number,
  changes: ElementChanges,
  now = new Date(),
): Promise<{ version: number }> {
  const [row] = await db
    .select()
    .from(nomenclatureElements)
    .where(
      and(
        eq(nomenclatureElements.id, elementId),
        eq(nomenclatureElements.organisationId, organisationId),
      ),
    );
  if (!row) {
    throw new AppError(
      "NOT_FOUND",
      `element ${elementId} is not in the goods list of ${organisationId}`,
    );
  }
  if ("type" in changes) {
    throw new AppError(
      "BAD_REQUEST",
      `the type of element ${elementId} cannot change; add a new element`,
    );
  }

  const element = parseElement(
    { ...inputOf(row), ...changes },
    `element ${elementId}`,
  );
  const groups = await loadGroups(db, organisationId);
  checkParent(groups, element.parentGroupId, elementId);

  const [versionRows] = await db.batch([
    bumpVersion(db, organisationId, now),
    db
      .update(nomenclatureElements)
      .set({ ...columnsOf(element), updatedAt: now.toISOString() })
      .where(eq(nomenclatureElements.id, elementId)),
  ]);
  return { version: versionOf(versionRows) };
}

function parseElement(input: unknown, label: string): Element {
  const parsed = elementSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "BAD_REQUEST",
      `invalid ${label}: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

type ElementRow = typeof nomenclatureElements.$inferSelect;

/** Column values of a parsed element; a group leaves the item columns empty. */
function columnsOf(element: Element) {
  const common = {
    type: element.type,
    parentGroupId: element.parentGroupId,
    title: element.title,
    titleKk: element.titleKk,
  };
  if (element.type === "group") {
    return {
      ...common,
      article: null,
      barcode: null,
      description: null,
      sellPrice: null,
      purchasePrice: null,
      measureUnitCode: null,
      measureTitle: null,
      measureFractional: false,
      ntin: null,
      vatPercent: null,
      taxationType: null,
      isMarked: false,
      isSocial: false,
    };
  }
  const { type: _type, ...item } = element;
  return { ...item, ...common };
}

/**
 * Converts a stored element back into input, so changes can be merged and
 * checked again.
 */
function inputOf(row: ElementRow): Record<string, unknown> {
  const common = {
    type: row.type,
    parentGroupId: row.parentGroupId,
    title: row.title,
    titleKk: row.titleKk,
  };
  if (row.type === "group") return common;
  return {
    ...common,
    article: row.article,
    barcode: row.barcode,
    description: row.description,
    sellPrice: row.sellPrice ?? 0,
    purchasePrice: row.purchasePrice ?? 0,
    measureUnitCode: row.measureUnitCode,
    measureTitle: row.measureTitle,
    measureFractional: row.measureFractional,
    ntin: row.ntin,
    vatPercent: row.vatPercent,
    taxationType: row.taxationType,
    isMarked: row.isMarked,
    isSocial: row.isSocial,
  };
}

/** Parent group id of each group of the organisation, by group id. */
async function loadGroups(
  db: DrizzleD1Database,
  organisationId: string,
): Promise<Map<number, number | null>> {
  const rows = await db
    .select({
      id: nomenclatureElements.id,
      parentGroupId: nomenclatureElements.parentGroupId,
    })
    .from(nomenclatureElements)
    .where(
      and(
        eq(nomenclatureElements.organisationId, organisationId),
        eq(nomenclatureElements.type, "group"),
      ),
    );
  return new Map(rows.map((row) => [row.id, row.parentGroupId]));
}

/**
 * Checks that `parentGroupId` is a group of the organisation and, when an
 * element moves, that it does not end up inside itself.
 */
function checkParent(
  groups: Map<number, number | null>,
  parentGroupId: number | null,
  elementId?: number,
): void {
  if (parentGroupId === null) return;
  if (!groups.has(parentGroupId)) {
    throw new AppError(
      "BAD_REQUEST",
      `parent group ${parentGroupId} is not a group of this goods list`,
    );
  }

  // Walk up from the new parent. The step limit keeps the walk finite even
  // if the stored groups already form a loop.
  let ancestor: number | null = parentGroupId;
  for (let steps = 0; ancestor !== null && steps <= groups.size; steps++) {
    if (ancestor === elementId) {
      throw new AppError(
        "BAD_REQUEST",
        `group ${elementId} cannot move into its own subgroup ${parentGroupId}`,
      );
    }
    ancestor = groups.get(ancestor) ?? null;
  }
}

/** Raises the organisation's version by one, starting at 1. */
function bumpVersion(db: DrizzleD1Database, organisationId: string, now: Date) {
  const createdAt = now.toISOString();
  return db
    .insert(nomenclatureVersions)
    .values({ organisationId, version: 1, createdAt })
    .onConflictDoUpdate({
      target: nomenclatureVersions.organisationId,
      set: { version: sql`${nomenclatureVersions.version} + 1`, createdAt },
    })
    .returning({ version: nomenclatureVersions.version });
}

function versionOf(rows: { version: number }[]): number {
  const version = rows[0]?.version;
  if (version === undefined) throw new Error("version upsert returned no row");
  return version;
}
