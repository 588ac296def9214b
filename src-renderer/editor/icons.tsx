// Small line icons for the editor toolbar (decorative: every button carries its own accessible name).
import type { ReactNode } from 'react';
import type { ShortcutId } from './shortcuts';

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg className="rte-icon" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

const tableFrame = <rect x="2.5" y="3.5" width="13" height="11" rx="1" />;

export const ICONS: Record<ShortcutId, ReactNode> = {
  bold: (
    <Svg>
      <path d="M5 3.5h5a3 3 0 0 1 0 6H5zM5 9.5h5.8a3 3 0 0 1 0 6H5z" strokeWidth="2" />
    </Svg>
  ),
  italic: (
    <Svg>
      <path d="M8 3.5h6M4 14.5h6M11 3.5l-4 11" />
    </Svg>
  ),
  bulletList: (
    <Svg>
      <circle cx="3.5" cy="5" r="0.9" fill="currentColor" />
      <circle cx="3.5" cy="9" r="0.9" fill="currentColor" />
      <circle cx="3.5" cy="13" r="0.9" fill="currentColor" />
      <path d="M7 5h8M7 9h8M7 13h8" />
    </Svg>
  ),
  orderedList: (
    <Svg>
      <path d="M2.5 3.5h1v3M2.5 6.5h2M2.5 10h2l-2 2.5h2M7 5h8M7 9h8M7 13h8" strokeWidth="1.3" />
    </Svg>
  ),
  indent: (
    <Svg>
      <path d="M2.5 3.5h13M8 7.5h7.5M8 10.5h7.5M2.5 14.5h13M2.5 7l2.5 2-2.5 2" />
    </Svg>
  ),
  outdent: (
    <Svg>
      <path d="M2.5 3.5h13M8 7.5h7.5M8 10.5h7.5M2.5 14.5h13M5 7L2.5 9 5 11" />
    </Svg>
  ),
  insertTable: (
    <Svg>
      {tableFrame}
      <path d="M2.5 7.5h13M2.5 11h13M7 7.5v7M11 7.5v7" />
    </Svg>
  ),
  addRow: (
    <Svg>
      <path d="M2.5 3.5h13v6h-13zM2.5 6.5h13M9 11.5v5M6.5 14h5" />
    </Svg>
  ),
  addColumn: (
    <Svg>
      <path d="M2.5 2.5h6v13h-6zM5.5 2.5v13M11.5 9h5M14 6.5v5" />
    </Svg>
  ),
  deleteRow: (
    <Svg>
      <path d="M2.5 3.5h13v6h-13zM2.5 6.5h13M7 12l4 4M11 12l-4 4" />
    </Svg>
  ),
  deleteColumn: (
    <Svg>
      <path d="M2.5 2.5h6v13h-6zM5.5 2.5v13M11.5 7l4 4M15.5 7l-4 4" />
    </Svg>
  ),
  deleteTable: (
    <Svg>
      {tableFrame}
      <path d="M6.5 6.5l5 5M11.5 6.5l-5 5" />
    </Svg>
  ),
  link: (
    <Svg>
      <path d="M7.5 10.5a3 3 0 0 0 4.2.3l2.3-2.3a3 3 0 0 0-4.2-4.2L8.6 5.4M10.5 7.5a3 3 0 0 0-4.2-.3L4 9.5a3 3 0 0 0 4.2 4.2l1.2-1.1" />
    </Svg>
  ),
  undo: (
    <Svg>
      <path d="M6 4.5L3 7.5l3 3M3 7.5h7.5a4 4 0 0 1 0 8H8" />
    </Svg>
  ),
  redo: (
    <Svg>
      <path d="M12 4.5l3 3-3 3M15 7.5H7.5a4 4 0 0 0 0 8H10" />
    </Svg>
  ),
};
