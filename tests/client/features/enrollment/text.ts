// Text helpers for the enrollment screens' tests.
/** An element's text with runs of white space as one space. */
export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
