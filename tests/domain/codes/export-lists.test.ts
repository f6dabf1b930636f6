import { describe, expect, it } from 'vitest';
import {
  EXPORT_DIRECTIVE_LIST,
  EXPORT_PERIOD_TYPE_LIST,
  HASH_STATUS_LIST,
  SOURCE_TYPE_LIST,
} from '../../../src/domain/codes';
import { line, pairs, parseCodeLabels } from './reference';

// §1.15 "Export-level lists" bullets, e.g. "- 1.1 ExportPeriodType: `1` Updated, ...".
describe('Export.csv lists (reference §1.15)', () => {
  it.each([
    ['1.1', 'ExportPeriodType', EXPORT_PERIOD_TYPE_LIST],
    ['1.2', 'ExportDirective', EXPORT_DIRECTIVE_LIST],
    ['1.5', 'HashStatus', HASH_STATUS_LIST],
    ['1.9', 'SourceType', SOURCE_TYPE_LIST],
  ])('%s %s has exactly the reference codes and labels', (id, name, list) => {
    expect(list.id).toBe(id);
    expect(pairs(list)).toEqual(parseCodeLabels(line(`- ${id} ${name}:`)));
  });
});
