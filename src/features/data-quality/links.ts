// A finding's link target as a path of the app (src/shared/paths.ts), and its words.
import type { DqLink } from '../../domain/workflow/data-quality';
import { paths } from '../../shared/paths';

export function linkPath(link: DqLink): string {
  switch (link.screen) {
    case 'client':
      return paths.client(link.clientId);
    case 'backfill':
      return paths.backfill(link.enrollmentId);
    case 'exit':
      return paths.exit(link.enrollmentId);
    case 'annual':
      return paths.annualAssessment(link.enrollmentId);
    case 'contact':
      return paths.contact(link.enrollmentId);
    case 'enrollment':
      return paths.enrollment(link.enrollmentId);
  }
}

export const LINK_WORDS: Readonly<Record<DqLink['screen'], string>> = {
  client: 'Fix on the client profile',
  backfill: 'Fill in the project start',
  exit: 'Open the exit',
  annual: 'Record the annual assessment',
  contact: 'Record a contact',
  enrollment: 'Open the enrollment',
};
