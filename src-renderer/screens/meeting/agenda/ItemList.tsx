// The agenda's items in order, with live numbers: drag a handle, or lift it with Space and move
// it with the arrow keys (dnd-kit); Alt+↑/↓ on a selected item moves it one place.
import { memo, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent, type Announcements } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { restrictToVerticalAxis } from './dnd-modifiers';
import { CSS } from '@dnd-kit/utilities';
import type { AgendaItemSummary } from '../../../../src-shared/api/agenda';

type Row = AgendaItemSummary & { liveNumber: number };

const sameRow = (a: RowProps, b: RowProps): boolean =>
  a.selected === b.selected &&
  a.canMove === b.canMove &&
  a.onSelect === b.onSelect &&
  a.onMove === b.onMove &&
  (['id', 'liveNumber', 'title', 'caseNumber', 'access', 'supplementary', 'attachmentCount'] as const).every((k) => a.item[k] === b.item[k]);

type RowProps = { item: Row; selected: boolean; canMove: boolean; onSelect: (id: string) => void; onMove: (id: string, delta: number) => void };

const ItemRow = memo(function ItemRow({ item, selected, canMove, onSelect, onMove }: RowProps) {
  const { t } = useTranslation('agenda');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !canMove });
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={`agenda-row${selected ? ' is-selected' : ''}${isDragging ? ' is-dragging' : ''}`} data-item-id={item.id}>
      {canMove && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="drag-handle"
          aria-label={t('list.dragHandle', { number: item.liveNumber, title: item.title })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <button
        type="button"
        className="agenda-row-main"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(item.id)}
        onKeyDown={(e) => {
          if (canMove && e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            onMove(item.id, e.key === 'ArrowUp' ? -1 : 1);
          }
        }}
      >
        <span className="agenda-number">{t('list.number', { number: item.liveNumber })}</span>
        <span className="agenda-title">{item.title}</span>
        <span className="agenda-meta">
          {item.caseNumber && <span className="agenda-case">{item.caseNumber}</span>}
          {item.access === 'closed' && <span className="tag tag-closed">{t('list.closed')}</span>}
          {item.supplementary && <span className="tag tag-supplementary">{t('list.supplementary')}</span>}
          {item.attachmentCount > 0 && <span className="tag">{t('list.attachments', { count: item.attachmentCount })}</span>}
        </span>
      </button>
    </li>
  );
}, sameRow);

export function ItemList({
  items,
  firstNumber,
  selectedId,
  canMove,
  onSelect,
  onReorder,
}: {
  items: AgendaItemSummary[];
  firstNumber: number;
  selectedId: string | null;
  canMove: boolean;
  onSelect: (id: string) => void;
  onReorder: (ids: string[]) => void;
}) {
  const { t } = useTranslation('agenda');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const rows: Row[] = useMemo(() => {
    let counter = firstNumber - 1;
    return items.map((i) => {
      const n = i.numberFrozen ? i.number : counter + 1;
      counter = Math.max(counter, n);
      return { ...i, liveNumber: n };
    });
  }, [items, firstNumber]);
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const titleOf = (id: string | number): string => rows.find((r) => r.id === id)?.title ?? '';
  const positionOf = (id: string | number | undefined): number => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('list.announce.start', { title: titleOf(active.id), position: positionOf(active.id), count: ids.length }),
    onDragOver: ({ active, over }) => (over ? t('list.announce.over', { title: titleOf(active.id), position: positionOf(over.id), count: ids.length }) : undefined),
    onDragEnd: ({ active, over }) => t('list.announce.end', { title: titleOf(active.id), position: positionOf(over?.id ?? active.id), count: ids.length }),
    onDragCancel: ({ active }) => t('list.announce.cancel', { title: titleOf(active.id) }),
  };
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const reorderRef = useRef(onReorder);
  reorderRef.current = onReorder;
  const move = useCallback((id: string, delta: number): void => {
    const ids = idsRef.current;
    const onReorder = reorderRef.current;
    const from = ids.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    onReorder(arrayMove(ids, from, to));
    // Keep the keyboard focus on the item that moved.
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-item-id="${id}"] .agenda-row-main`)?.focus());
  }, []);
  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    if (!over || active.id === over.id) return;
    onReorder(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[restrictToVerticalAxis]}
      onDragEnd={onDragEnd}
      // Only the list itself scrolls while dragging: the page around it holds the sticky list still.
      autoScroll={{ canScroll: (element) => element.classList.contains('agenda-list-panel') }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('list.instructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="agenda-list" aria-label={t('list.label')}>
          {rows.map((r) => (
            <ItemRow key={r.id} item={r} selected={r.id === selectedId} canMove={canMove} onSelect={onSelect} onMove={move} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
