// For the editor's tests only: Word clipboard fixtures, read through Vite (not node:fs) so the tests
// also type-check with the renderer's browser-only types.
const FIXTURES = import.meta.glob<string>('../../tests/fixtures/word-paste/*.html', { query: '?raw', import: 'default', eager: true });

export function wordFixture(name: string): string {
  const html = FIXTURES[`../../tests/fixtures/word-paste/${name}.html`];
  if (html === undefined) throw new Error(`No fixture tests/fixtures/word-paste/${name}.html`);
  return html;
}
