// The words a search found, for every editor of the item it opened (search-highlight.ts marks them).
import { createContext } from 'react';

export const SearchTermsContext = createContext<readonly string[]>([]);
