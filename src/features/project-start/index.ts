// Placeholder: replaced by the project-start feature's screens.
import { createElement } from 'react';
export function ProjectStartPage(_props: Record<string, unknown>) {
  return createElement('p', null, 'ProjectStartPage');
}
