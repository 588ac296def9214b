// The website's page templates: the committee's year, a meeting, an item and the mødeplan.
// Built for WCAG 2.1 AA: lang="da", a skip link, one h1 per page, tables with headers, a
// breadcrumb nav, links that say where they go, and readable without the stylesheet.
import { formatLongDa } from '../../../src-shared/dates';
import type { Chapter } from '../documents/build-referat';
import { block } from '../documents/html-writer';
import { html, trusted, type Html } from './html';

export type PageLink = { href: string; text: string };
export type Crumb = PageLink;

/** The frame every page shares; `root` is the relative way back to the folder's top ("../../"). */
export function page(opts: { title: string; root: string; crumbs: Crumb[]; body: Html }): Html {
  const crumbs = opts.crumbs.length
    ? html`<nav aria-label="Brødkrummesti"><ol class="crumbs">${opts.crumbs.map((c) => html`<li><a href="${c.href}">${c.text}</a></li>`)}<li aria-current="page">${opts.title}</li></ol></nav>`
    : '';
  return html`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<link rel="stylesheet" href="${opts.root}style.css">
</head>
<body>
<a class="skip" href="#indhold">Gå til indhold</a>
<header>${crumbs}</header>
<main id="indhold" tabindex="-1">
${opts.body}
</main>
</body>
</html>
`;
}

export type MeetingRow = { date: string; status: string; href: string | null; pdf: string | null; location: string | null };

export function indexBody(committee: string, year: number, rows: MeetingRow[], links: PageLink[]): Html {
  const table = rows.length
    ? html`<table>
<caption>Møder i ${year}, nyeste først</caption>
<thead><tr><th scope="col">Dato</th><th scope="col">Status</th><th scope="col">Sted</th><th scope="col">PDF</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row">${r.href ? html`<a href="${r.href}">${formatLongDa(r.date)}</a>` : formatLongDa(r.date)}</th><td>${r.status}</td><td>${r.location ?? ''}</td><td>${r.pdf ? html`<a href="${r.pdf}">PDF (${r.status})</a>` : ''}</td></tr>\n`)}</tbody>
</table>`
    : html`<p>Der er ingen offentliggjorte møder i ${year}.</p>`;
  return html`<h1>${committee} ${year}</h1>
${table}
<ul class="links">${links.map((l) => html`<li><a href="${l.href}">${l.text}</a></li>`)}</ul>`;
}

export type FactRow = { label: string; value: string };
export type AttendanceRow = { name: string; party: string; status: string };

export function meetingBody(opts: { heading: string; facts: FactRow[]; attendance: AttendanceRow[]; items: PageLink[]; pdf: PageLink | null }): Html {
  return html`<h1>${opts.heading}</h1>
<dl class="facts">${opts.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>
${opts.pdf ? html`<p><a href="${opts.pdf.href}">${opts.pdf.text}</a></p>` : ''}
<h2>Punkter</h2>
<ol class="items">${opts.items.map((i) => html`<li><a href="${i.href}">${i.text}</a></li>`)}</ol>
${opts.attendance.length ? attendanceTable(opts.attendance) : ''}`;
}

function attendanceTable(rows: AttendanceRow[]): Html {
  return html`<h2>Deltagere</h2>
<table>
<thead><tr><th scope="col">Navn</th><th scope="col">Parti</th><th scope="col">Fremmøde</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.name}</th><td>${r.party}</td><td>${r.status}</td></tr>`)}</tbody>
</table>`;
}

/** An item page: the public chapter of the document tree, with its attachments as links. */
export function itemBody(opts: { chapter: Chapter; presence: FactRow[]; attachments: PageLink[]; prev: PageLink | null; next: PageLink | null }): Html {
  // The tree lists the attachments as plain lines under "Bilag"; here they are links instead.
  const blocks = opts.chapter.blocks.filter((b, i, all) => !(b.type === 'heading' && b.text === 'Bilag') && !(i > 0 && all[i - 1]!.type === 'heading' && (all[i - 1] as { text: string }).text === 'Bilag'));
  const pager = [opts.prev ? html`<li><a href="${opts.prev.href}" rel="prev">Forrige: ${opts.prev.text}</a></li>` : '', opts.next ? html`<li><a href="${opts.next.href}" rel="next">Næste: ${opts.next.text}</a></li>` : ''];
  return html`<h1>${opts.chapter.heading}</h1>
${trusted(blocks.map(block).join(''))}
${opts.attachments.length ? html`<h2>Bilag</h2>\n<ul class="attachments">${opts.attachments.map((a) => html`<li><a href="${a.href}">${a.text}</a></li>`)}</ul>` : ''}
${opts.presence.length ? html`<h2>Fremmøde under punktet</h2>\n<dl class="facts">${opts.presence.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>` : ''}
<nav aria-label="Andre punkter"><ul class="pager">${pager}</ul></nav>`;
}

export type PlanRow = { date: string; end: string | null; location: string | null; status: string; href: string | null };

export function planBody(committee: string, year: number, rows: PlanRow[], ics: string): Html {
  return html`<h1>Mødeplan ${year}: ${committee}</h1>
<p><a href="${ics}">Mødeplanen som kalenderfil (iCalendar, .ics)</a></p>
<table>
<thead><tr><th scope="col">Dato og tid</th><th scope="col">Slut</th><th scope="col">Sted</th><th scope="col">Status</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row">${r.href ? html`<a href="${r.href}">${formatLongDa(r.date)}</a>` : formatLongDa(r.date)}</th><td>${r.end ? `kl. ${r.end.slice(11)}` : ''}</td><td>${r.location ?? ''}</td><td>${r.status}</td></tr>\n`)}</tbody>
</table>`;
}

/** Plain, high-contrast styles; every page reads the same without them. */
export const STYLESHEET = `html { font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #b35900; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
.crumbs { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.crumbs li + li::before { content: "/"; margin-right: .5rem; color: #555; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #767676; padding: .25rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.pager { list-style: none; padding: 0; display: flex; justify-content: space-between; flex-wrap: wrap; gap: 1rem; }
.note { font-style: italic; }
@media (max-width: 600px) { table, thead, tbody, tr, th, td { font-size: .95rem; } dl.facts { grid-template-columns: 1fr; } }
`;
