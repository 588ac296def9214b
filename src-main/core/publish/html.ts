// The website pages' template layer: a tagged template that escapes every interpolated value,
// so no page builder concatenates markup by hand. Only `Html` values (built here) pass unescaped.
import { escapeHtml } from '../documents/html-writer';

/** Markup that is already safe: made by `html`, or by the document writer's escaping renderer. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return (v as readonly Value[]).map(render).join('');
  return escapeHtml(String(v));
}

/** html`<p>${text}</p>`: text is escaped, nested html`` fragments and arrays of them are not. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Trusts markup made by an escaping renderer (the document writer's blocks). Nothing else. */
export const trusted = (markup: string): Html => new Html(markup);
