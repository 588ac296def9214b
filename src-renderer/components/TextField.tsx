// A labelled text input with its description and error message, from react-aria-components.
import { Input, Label, Text, TextArea, TextField as AriaTextField, type TextFieldProps } from 'react-aria-components';
import { FieldMessage } from './FieldMessage';

type Props = TextFieldProps & {
  label: string;
  description?: string;
  errorMessage?: string;
  placeholder?: string;
  multiline?: boolean;
  type?: string;
};

export function TextField({ label, description, errorMessage, placeholder, multiline, type, ...props }: Props) {
  return (
    <AriaTextField {...props} className="field" type={type}>
      <Label>{label}</Label>
      {multiline ? <TextArea placeholder={placeholder} /> : <Input placeholder={placeholder} />}
      {description && <Text slot="description">{description}</Text>}
      <FieldMessage message={errorMessage} />
    </AriaTextField>
  );
}
