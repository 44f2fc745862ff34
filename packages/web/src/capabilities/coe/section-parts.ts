import type { ComponentType } from 'react';
import type { SectionName } from './coe-api';
import { ImpactEditor } from './impact-editor';
import { QuestionsEditor } from './questions-editor';
import { RootCauseEditor } from './root-cause-editor';
import type { SectionEditorProps } from './section-editor-props';
import type { SectionValues } from './section-values';
import { ImpactView, QuestionsView, RootCauseView, TextView, TimelineView } from './section-views';
import { TextSectionEditor } from './text-section-editor';
import { TimelineEditor } from './timeline-editor';

export type SectionParts<T> = { editor: ComponentType<SectionEditorProps<T>>; view: ComponentType<{ value: T }> };

/** The editor and the read-only view of each section. */
export const sectionParts: { [N in SectionName]: SectionParts<SectionValues[N]> } = {
  summary: { editor: TextSectionEditor, view: TextView },
  impact: { editor: ImpactEditor, view: ImpactView },
  timeline: { editor: TimelineEditor, view: TimelineView },
  rootCause: { editor: RootCauseEditor, view: RootCauseView },
  questions: { editor: QuestionsEditor, view: QuestionsView },
  wentWell: { editor: TextSectionEditor, view: TextView },
  lessons: { editor: TextSectionEditor, view: TextView },
};
