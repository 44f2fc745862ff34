import { SimpleGrid, Textarea } from '@mantine/core';
import type { SectionEditorProps } from './section-editor-props';
import type { QuestionsValue } from './section-values';

const questions: { name: keyof QuestionsValue; label: string; description: string }[] = [
  { name: 'detection', label: 'Detection', description: 'How did we find out? Could we have found out sooner?' },
  { name: 'diagnosis', label: 'Diagnosis', description: 'How did we find the cause? What would have made it quicker?' },
  { name: 'mitigation', label: 'Mitigation', description: 'How did we stop the harm? Could it have stopped sooner?' },
  { name: 'prevention', label: 'Prevention', description: 'What keeps this from happening again?' },
];

/** The four questions every COE answers. */
export function QuestionsEditor({ value, onChange, errors }: SectionEditorProps<QuestionsValue>) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {questions.map((q) => (
        <Textarea
          key={q.name}
          label={q.label}
          description={q.description}
          autosize
          minRows={3}
          maxLength={10_000}
          value={value[q.name]}
          onChange={(e) => onChange({ ...value, [q.name]: e.currentTarget.value })}
          error={errors[q.name]}
        />
      ))}
    </SimpleGrid>
  );
}
