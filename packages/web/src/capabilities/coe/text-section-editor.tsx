import { Textarea } from '@mantine/core';
import type { SectionEditorProps } from './section-editor-props';

/** A free-text section, written in Markdown. */
export function TextSectionEditor({ value, onChange, errors, title }: SectionEditorProps<string>) {
  return (
    <Textarea
      label={`${title} (Markdown)`}
      autosize
      minRows={4}
      maxRows={30}
      maxLength={20_000}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={errors['']}
    />
  );
}
