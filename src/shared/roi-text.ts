// A recorded HMIS Release of Information as one line of text ("Share, given Mar 3, 2026
// (Signed)"), as the screens that show what is on record say it.
import { roiChoiceLabel, roiMethodLabel, type Roi } from '../domain/workflow/roi';
import { formatDate } from './format';

export function roiText(roi: Roi): string {
  return `${roiChoiceLabel(roi.choice)}, given ${formatDate(roi.date)} (${roiMethodLabel(roi.method)})`;
}
