// Whether the meeting on screen is held for offline work by someone (issue 14 §4): then it is
// read-only here, on the server, until it is handed in, and its editors are disabled up front
// instead of each save being refused ("Ikke gemt: …"). MeetingScreen provides it from
// checkout.status; the banner above the tabs says who holds it and since when.
import { createContext, useContext } from 'react';

export const HeldContext = createContext(false);

export const useHeld = (): boolean => useContext(HeldContext);
