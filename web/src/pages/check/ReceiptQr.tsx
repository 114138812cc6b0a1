import qrcode from "qrcode-generator";
import { useMemo } from "preact/hooks";

/** Props of ReceiptQr. */
export interface ReceiptQrProps {
  url: string;
  label: string;
}

/** Quiet zone around the code, in modules, as scanners expect. */
const QUIET_ZONE = 4;

/** Draws the dark modules of a QR code as one SVG path. */
export function qrPath(text: string): { size: number; path: string } {
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();

  const count = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) {
        parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
      }
    }
  }
  return { size: count + 2 * QUIET_ZONE, path: parts.join("") };
}

/** Draws the receipt's check URL as a QR code in a scalable SVG. */
export function ReceiptQr({ url, label }: ReceiptQrProps) {
  const { size, path } = useMemo(() => qrPath(url), [url]);
  return (
    <svg
      class="receipt-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
