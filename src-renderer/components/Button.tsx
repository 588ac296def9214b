// Buttons from react-aria-components (keyboard, press and focus handling done right), styled by variant.
// `pending` (an action from useAction is on its way) keeps the button focusable but deaf to presses,
// shows it busy and tells a screen reader.
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

export type Variant = 'primary' | 'secondary' | 'quiet' | 'danger';

export function Button({ variant = 'secondary', className, pending, ...props }: ButtonProps & { variant?: Variant; pending?: boolean }) {
  return <AriaButton {...props} isPending={pending ?? props.isPending} className={`btn btn-${variant}${typeof className === 'string' ? ` ${className}` : ''}`} />;
}
