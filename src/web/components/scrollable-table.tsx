import { Table, TableCaption, type TableProps } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * Every table that may be wider than the screen: it scrolls sideways inside its own region
 * (`.meedoen-table-scroll`), named after its caption, so the page itself never scrolls sideways
 * (WCAG 1.4.10). When the table is wider than the region, the region takes keyboard focus so the
 * arrow keys scroll it (WCAG 2.1.1, axe `scrollable-region-focusable`) and is a named region, so
 * the focus lands on something a screen reader can announce; when it fits, it is a plain block:
 * no tab stop, and no second landmark beside the section whose heading usually has the same name. `captionHidden` for a caption that a visible heading already shows; `labelledBy`
 * names the region after another element (the visible title) instead of the caption.
 */
export function ScrollableTable({
  caption,
  captionHidden = false,
  labelledBy,
  scrollClassName,
  children,
  ...tableProps
}: TableProps & {
  caption: ReactNode;
  captionHidden?: boolean;
  labelledBy?: string;
  /** Extra classes on the scrolling region (its layout at narrow widths). */
  scrollClassName?: string;
  children: ReactNode;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const overflows = useOverflowsInline(ref);
  return (
    <div
      ref={ref}
      className={['meedoen-table-scroll', scrollClassName].filter(Boolean).join(' ')}
      role={overflows ? 'region' : undefined}
      aria-labelledby={overflows ? (labelledBy ?? id) : undefined}
      tabIndex={overflows ? 0 : undefined}
    >
      <Table {...tableProps}>
        <TableCaption id={id} className={captionHidden ? 'meedoen-visually-hidden' : undefined}>
          {caption}
        </TableCaption>
        {children}
      </Table>
    </div>
  );
}

/** Whether the element's content is wider than the element, kept up to date as either resizes. */
function useOverflowsInline(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The table grows when its rows arrive or change, without the region changing size.
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}
