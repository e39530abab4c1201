import type { ReactNode } from "react";

/**
 * A wide table's own scroll box: on a phone the table scrolls sideways inside it instead of
 * widening the page. It is a named region in the tab order, so a keyboard user can reach it
 * and scroll it with the arrow keys (WCAG 2.1.1), and a screen reader says what it holds.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
