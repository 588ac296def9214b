// Buttons from react-aria-components (keyboard, press and focus handling done right), styled by variant.
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

export type Variant = 'primary' | 'secondary' | 'quiet' | 'danger';

export function Button({ variant = 'secondary', className, ...props }: ButtonProps & { variant?: Variant }) {
  return <AriaButton {...props} className={`btn btn-${variant}${typeof className === 'string' ? ` ${className}` : ''}`} />;
}
