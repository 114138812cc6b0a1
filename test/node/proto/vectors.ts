// Reads the protocol frames kept beside the project as hex text.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fromHex } from "../../../proto/frame";

const VECTORS = path.resolve(
  import.meta.dirname,
  "../../../../shared/protocol/vectors",
);

/** The bytes of vector `name` (file name without `.hex`). */
export function vector(name: string): Uint8Array {
  return fromHex(readFileSync(path.join(VECTORS, `${name}.hex`), "utf8"));
}
