/** Whether the collapsible menu of narrow screens is open. */
import { signal } from "@preact/signals";

/** True while the phone menu is unfolded. */
export const menuOpen = signal(false);

/** Unfolds or folds the phone menu. */
export function toggleMenu(): void {
  menuOpen.value = !menuOpen.value;
}

/** Folds the phone menu, e.g. after a link was followed. */
export function closeMenu(): void {
  menuOpen.value = false;
}
