// The data-quality feature: the supervisor's data-quality report with charts (issue 10 §4).
export { DataQualityPage } from './DataQualityPage';
