// The rich-text field of an item section: the shared WYSIWYG editor (Markdown in, Markdown out).
export { RichTextEditor, type RichTextEditorProps } from '../../../editor/RichTextEditor';
