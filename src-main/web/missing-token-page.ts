// The page a tab gets without the access token (a bookmark from another profile, a restarted
// server with a new data folder, a mistyped address): what happened and what to do, in Danish
// first and English below. Static HTML, nothing from the request echoed into it.
export function missingTokenPage(port: number, why: 'missing' | 'wrong'): string {
  const da =
    why === 'wrong'
      ? 'Adgangsnøglen i adressen passer ikke til den Referent, der kører nu.'
      : 'Denne fane har ikke adgangsnøglen til Referent.';
  const en = why === 'wrong' ? 'The access token in the address does not match the Referent that is running now.' : 'This tab does not have the access token for Referent.';
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Referent: adgangsnøgle mangler</title>
<style>body{font-family:system-ui,'Segoe UI',sans-serif;max-width:40rem;margin:4rem auto;padding:0 1.5rem;color:#1d2330;line-height:1.5}h1{font-size:1.4rem}code{background:#eef1f5;padding:1px 4px;border-radius:3px}.en{color:#5b6472;border-top:1px solid #d8dde4;margin-top:2rem;padding-top:1rem}</style>
</head><body>
<h1>Referent kan ikke åbnes i denne fane</h1>
<p>${da}</p>
<ol>
<li>Find vinduet, hvor Referent blev startet (med <code>npm start</code>). Der står en linje, der begynder med <code>Referent is running at http://127.0.0.1:${port}/?token=</code>.</li>
<li>Kopiér hele adressen, og åbn den her. Derefter husker browseren nøglen, også i nye faner og efter en genstart af Referent.</li>
<li>Kører Referent ikke længere, så start det igen med <code>npm start</code>.</li>
</ol>
<div class="en" lang="en"><p>${en} Open the full address that Referent printed when it started (it begins with <code>http://127.0.0.1:${port}/?token=</code>); the browser then remembers it, in new tabs and after a restart.</p></div>
</body></html>`;
}
