// A date with a calendar to pick from, and a time: react-aria's DatePicker and TimeField in the UI's
// locale (I18nProvider in App: dd.mm.åååå and 24-hour tt.mm in Danish, with a Monday week), never
// the browser's own inputs, which follow the system's locale ("mm/dd/yyyy", "02:30 PM").
// Values travel as the strings the Api takes: "2026-06-02" and "14:30" ("" for none).
import { useTranslation } from 'react-i18next';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Label,
  Popover,
  Text,
  TimeField as AriaTimeField,
} from 'react-aria-components';
import { parseDate, parseTime, type CalendarDate, type Time } from '@internationalized/date';
import { FieldMessage } from './FieldMessage';

const safe = <T,>(parse: () => T): T | null => {
  try {
    return parse();
  } catch {
    return null;
  }
};

type Common = { label: string; isRequired?: boolean; isReadOnly?: boolean; isDisabled?: boolean; autoFocus?: boolean; description?: string; className?: string };

export function DateField({ label, value, onChange, min, max, isRequired, isReadOnly, isDisabled, autoFocus, description, className, labelHidden, validateAsTyped }: Common & { value: string; onChange: (iso: string) => void; min?: string; max?: string; labelHidden?: boolean; validateAsTyped?: boolean }) {
  const { t } = useTranslation();
  const parsed = value ? safe(() => parseDate(value)) : null;
  const minValue = min ? safe(() => parseDate(min)) : null;
  const maxValue = max ? safe(() => parseDate(max)) : null;
  return (
    <DatePicker<CalendarDate>
      className={`field date-field${className ? ` ${className}` : ''}`}
      value={parsed}
      // 02.06.2026, as tables write it, not Intl's numeric 2.6.2026.
      shouldForceLeadingZeros
      onChange={(d) => onChange(d ? d.toString() : '')}
      isRequired={isRequired}
      isReadOnly={isReadOnly}
      isDisabled={isDisabled}
      autoFocus={autoFocus}
      // Outside a form, a message shown or cleared only when focus leaves moves the rows below it
      // while the user presses the next button: the press lands beside it and is lost.
      {...(validateAsTyped ? { validationBehavior: 'aria' as const } : {})}
      {...(minValue ? { minValue } : {})}
      {...(maxValue ? { maxValue } : {})}
      {...(labelHidden ? { 'aria-label': label } : {})}
    >
      {!labelHidden && <Label>{label}</Label>}
      <Group className="date-group">
        <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
        {!isReadOnly && (
          <Button className="date-button" aria-label={t('dates.openCalendar', { label })}>
            <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
              <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
              <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.3" />
            </svg>
          </Button>
        )}
      </Group>
      {description && <Text slot="description">{description}</Text>}
      <FieldMessage />
      <Popover className="popover date-popover" placement="bottom start">
        <Dialog className="date-dialog" aria-label={label}>
          <Calendar className="calendar">
            <header className="calendar-head">
              <Button slot="previous" className="calendar-nav" aria-label={t('dates.previousMonth')}>
                ‹
              </Button>
              <Heading className="calendar-title" />
              <Button slot="next" className="calendar-nav" aria-label={t('dates.nextMonth')}>
                ›
              </Button>
            </header>
            <CalendarGrid className="calendar-grid">{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

export function TimeField({ label, value, onChange, isRequired, isReadOnly, isDisabled, autoFocus, description, className }: Common & { value: string; onChange: (hhmm: string) => void }) {
  const parsed = value ? safe(() => parseTime(value)) : null;
  return (
    <AriaTimeField<Time>
      className={`field time-field${className ? ` ${className}` : ''}`}
      value={parsed}
      onChange={(v) => onChange(v ? `${String(v.hour).padStart(2, '0')}:${String(v.minute).padStart(2, '0')}` : '')}
      hourCycle={24}
      shouldForceLeadingZeros
      isRequired={isRequired}
      isReadOnly={isReadOnly}
      isDisabled={isDisabled}
      autoFocus={autoFocus}
    >
      <Label>{label}</Label>
      <DateInput className="date-input date-group">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
      {description && <Text slot="description">{description}</Text>}
      <FieldMessage />
    </AriaTimeField>
  );
}
