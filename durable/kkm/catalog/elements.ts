/** Conversion of goods list rows into NomenclatureResponse elements. */
import type { MessageInitShape } from "@bufbuild/protobuf";
import {
  NomenclatureResponse_Element_ElementTypeEnum as ElementType,
  type NomenclatureResponse_ElementSchema,
} from "../../../proto/messages";
import { toMoney } from "../../fiscal/money";
import type { CatalogueEntry, ElementRow } from "./goods";

type ElementInit = MessageInitShape<typeof NomenclatureResponse_ElementSchema>;

/** TaxTypeEnum value of VAT, the only tax type of the protocol. */
const TAX_TYPE_VAT = 100;

/**
 * Converts the rows of a list into elements, every group before the groups
 * and items inside it, so a register can build the tree in one pass.
 */
export function toElements(rows: ElementRow[]): ElementInit[] {
  return parentsFirst(rows).map(toElement);
}

/**
 * Builds the element sent for a barcode found in the National Catalogue.
 * It is not part of the organisation's list, so it has id 0.
 */
export function catalogueElement(entry: CatalogueEntry): ElementInit {
  return {
    type: ElementType.ELEMENT_TYPE_ITEM,
    id: 0n,
    title: entry.nameRu,
    ...(entry.nameKk !== null && { titleKk: entry.nameKk }),
    item: {
      barcode: entry.barcode,
      ntin: entry.ntin,
      ...(entry.measureUnitCode !== null && {
        measureUnitCode: entry.measureUnitCode,
      }),
    },
  };
}

function toElement(row: ElementRow): ElementInit {
  const element: ElementInit = {
    type:
      row.type === "group"
        ? ElementType.ELEMENT_TYPE_GROUP
        : ElementType.ELEMENT_TYPE_ITEM,
    id: BigInt(row.id),
    title: row.title,
  };
  if (row.titleKk !== null) element.titleKk = row.titleKk;
  if (row.parentGroupId !== null) {
    element.parentGroupId = BigInt(row.parentGroupId);
  }
  if (row.type === "item") element.item = toItem(row);
  return element;
}

function toItem(row: ElementRow): NonNullable<ElementInit["item"]> {
  // Both prices are required in 2.0.2, so they are always sent.
  const item: NonNullable<ElementInit["item"]> = {
    sellPrice: toMoney(row.sellPrice ?? 0),
    purchasePrice: toMoney(row.purchasePrice ?? 0),
    taxes:
      row.vatPercent !== null && row.taxationType !== null
        ? [
            {
              taxationType: row.taxationType,
              taxType: TAX_TYPE_VAT,
              taxPercent: row.vatPercent,
            },
          ]
        : [],
  };
  if (row.article !== null) item.article = row.article;
  if (row.barcode !== null) item.barcode = row.barcode;
  if (row.description !== null) item.description = row.description;
  if (row.measureUnitCode !== null) item.measureUnitCode = row.measureUnitCode;
  if (row.measureTitle !== null) item.measureTitle = row.measureTitle;
  if (row.measureFractional) item.measureFractional = true;
  if (row.ntin !== null) item.ntin = row.ntin;
  if (row.isMarked) item.isMarkedeac = true;
  if (row.isSocial) item.isSocial = true;
  return item;
}

/** Orders groups from the root down, then items, each level by id. */
function parentsFirst(rows: ElementRow[]): ElementRow[] {
  const children = new Map<number | null, ElementRow[]>();
  for (const row of rows) {
    if (row.type !== "group") continue;
    const siblings = children.get(row.parentGroupId) ?? [];
    siblings.push(row);
    children.set(row.parentGroupId, siblings);
  }

  const groups: ElementRow[] = [];
  const queue = [...(children.get(null) ?? [])];
  for (let group = queue.shift(); group; group = queue.shift()) {
    groups.push(group);
    queue.push(...(children.get(group.id) ?? []));
  }

  // Groups outside the tree (a loop in stored data) still go out, last.
  const placed = new Set(groups.map((group) => group.id));
  const stray = rows.filter(
    (row) => row.type === "group" && !placed.has(row.id),
  );
  const items = rows.filter((row) => row.type === "item");
  return [...groups, ...stray, ...items];
}
