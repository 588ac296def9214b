// A labelled single choice (react-aria-components Select with a ListBox in a Popover). `shortLabel`
// is what the eye sees where the row already says whose choice it is; `label` stays its full name
// for a screen reader ("Suppleant" on screen, "Suppleant for Mette Baltersen Isen" read aloud).
import { Button, Label, ListBox, ListBoxItem, Popover, Select as AriaSelect, SelectValue, type Key } from 'react-aria-components';

type Option = { id: string; label: string };

export function Select({ label, shortLabel, options, value, onChange, isDisabled }: { label: string; shortLabel?: string; options: Option[]; value: string; onChange: (id: string) => void; isDisabled?: boolean }) {
  return (
    <AriaSelect className="field select" selectedKey={value} onSelectionChange={(k: Key | null) => k !== null && onChange(String(k))} isDisabled={isDisabled}>
      <Label>
        {shortLabel ? (
          <>
            <span aria-hidden="true">{shortLabel}</span>
            <span className="visually-hidden">{label}</span>
          </>
        ) : (
          label
        )}
      </Label>
      <Button className="select-trigger">
        <SelectValue />
        <span aria-hidden="true" className="chevron">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(o) => <ListBoxItem id={o.id} className="listbox-item">{o.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
