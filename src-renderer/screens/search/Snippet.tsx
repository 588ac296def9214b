// A hit's snippet: the core marks the matched words with [[ and ]].
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/\[\[|\]\]/);
  return (
    <span className="search-snippet">
      {parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <span key={i}>{p}</span>))}
    </span>
  );
}

/** The words the search matched, as they stand in the text ("Høringssvar"). */
export const snippetMarks = (text: string): string[] => [...new Set([...text.matchAll(/\[\[(.+?)\]\]/g)].map((m) => m[1]!))];
