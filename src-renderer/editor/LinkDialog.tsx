// Asks for a link's web address; applies it to the selection (or inserts it as text), or removes the link.
import type { Editor } from '@tiptap/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';

const ALLOWED = /^(https?:\/\/|mailto:|tel:)\S+$/i;

/** "haderslev.dk" -> "https://haderslev.dk"; an e-mail address -> mailto:. */
function normalizeHref(input: string): string {
  const v = input.trim();
  if (!v) return '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return `mailto:${v}`;
  return `https://${v}`;
}

export function LinkDialog({ editor, isOpen, onClose }: { editor: Editor; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation('editor');
  return (
    <Dialog title={t('link.title')} isOpen={isOpen} onOpenChange={(open) => !open && onClose()}>
      {/* Mounted per opening, so the field starts from the link under the cursor. */}
      {isOpen && <LinkForm editor={editor} onClose={onClose} />}
    </Dialog>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation('editor');
  const current = editor.getAttributes('link').href;
  const [value, setValue] = useState(typeof current === 'string' ? current : '');
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const href = normalizeHref(value);
    if (!href) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    if (!ALLOWED.test(href)) {
      setError(t('link.invalid'));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };

  return (
    <form className="form" onSubmit={submit}>
      <TextField
        label={t('link.address')}
        description={t('link.addressHint')}
        value={value}
        onChange={(v) => {
          setValue(v);
          setError(null);
        }}
        isInvalid={error !== null}
        errorMessage={error ?? undefined}
        autoFocus
        type="text"
      />
      <div className="form-actions">
        {typeof current === 'string' && (
          <Button
            variant="danger"
            onPress={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            {t('link.remove')}
          </Button>
        )}
        <Button variant="secondary" onPress={close}>
          {t('link.cancel')}
        </Button>
        <Button variant="primary" type="submit">
          {t('link.apply')}
        </Button>
      </div>
    </form>
  );
}
