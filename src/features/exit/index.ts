// The exit feature: ending case management for one enrollment.
export { ExitPage } from './ExitPage';
