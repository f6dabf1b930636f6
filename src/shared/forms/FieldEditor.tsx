// One record field as typed text or a choice (src/domain/workflow/change-editor.ts says which, and
// how the text becomes the value again): the editor of a rejected change being fixed and of a saved
// record being corrected.
import { CHOICE_KINDS, editorOptions } from '../../domain/workflow/change-editor';
import type { FieldInfo } from '../../domain/workflow/change-fields';
import { SelectField, TextField } from '../ui';

export function FieldEditor(props: {
  id: string;
  info: FieldInfo;
  /** The editor text (editorText); '' for nothing. */
  value: string;
  error?: string | undefined;
  /** What a choice list shows for nothing. */
  placeholder: string;
  onChange(value: string): void;
}) {
  const { info, value } = props;
  const common = { id: props.id, label: info.label, error: props.error };
  if (CHOICE_KINDS.has(info.kind)) {
    return (
      <SelectField<string>
        {...common}
        value={value === '' ? null : value}
        options={editorOptions(info, value)}
        placeholder={props.placeholder}
        onChange={(v) => props.onChange(v ?? '')}
      />
    );
  }
  return (
    <TextField
      {...common}
      value={value}
      multiline={info.kind === 'multiline'}
      type={
        info.kind === 'date'
          ? 'date'
          : info.kind === 'instant'
            ? 'datetime-local'
            : info.kind === 'phone'
              ? 'tel'
              : 'text'
      }
      inputMode={
        info.kind === 'number' || info.kind === 'money'
          ? 'decimal'
          : info.kind === 'phone'
            ? 'tel'
            : undefined
      }
      onChange={props.onChange}
    />
  );
}
