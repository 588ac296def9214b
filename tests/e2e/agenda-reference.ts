// The agenda of the reference referat (OBU, 2 June 2026, Punkt 42..52), as the secretary types it.
export const OBU = 'Organisations- og Beredskabsudvalget';
export const DIR = 'Direktøren for Arbejdsmarked og Borgerservice indstiller, at';
export const RECOMMENDS = 'Direktøren for Arbejdsmarked og Borgerservice indstiller, at Organisations- og Beredskabsudvalget over for Kommunalbestyrelsen anbefaler, at';

export type RefItem = {
  title: string;
  caseNumber: string;
  standard?: boolean;
  summary?: string[];
  intro?: string;
  points?: string[];
  presentation?: string[];
  legal?: string[];
  council?: boolean;
  attachments?: { title: string; closed?: boolean }[];
};

export const REFERENCE_ITEMS: RefItem[] = [
  { title: 'Godkendelse af dagsorden', caseNumber: '25/30730', standard: true, intro: DIR, points: ['dagsorden godkendes.'] },
  {
    title: 'Databeskyttelsesrådgiverens årsberetning for 2025',
    caseNumber: '26/4881',
    summary: [
      'Haderslev Kommune har modtaget årsberetningen for 2025 fra organisationens databeskyttelsesrådgiver (DPO).',
      'Rapporten er generelt positiv med anerkendelse af samarbejdet med forvaltningerne, ledelsens opbakning, og at der træffes de nødvendige prioriteringer mellem de forskellige indsatser.',
    ],
    intro: RECOMMENDS,
    points: ['orienteringen tages til efterretning.'],
    presentation: ['Haderslev Kommune har modtaget årsberetningen fra organisationens databeskyttelses-rådgiver (DPO) hos advokatvirksomheden Bech-Bruun.', 'Haderslev Kommunes Databeskyttelsesrådgiver gennemgår rapporten på mødet.'],
    council: true,
    attachments: [{ title: 'DPO Audit 2025 - Rapport til Haderslev Kommune' }, { title: 'Styregruppen for Digital Fremtids indsatsområder 2026-27 - Maj 2026' }],
  },
  {
    title: 'Haderslev Kommunes Informationssikkerhedspolitik 2026',
    caseNumber: '26/9889',
    summary: ['Beslutning om godkendelse af udkast til Haderslev Kommunes Informationssikkerhedspolitik 2026.', 'Chefen for IT og Digitalisering deltager i punktet.'],
    intro: 'Direktøren for Arbejdsmarked- og Borgerservice indstiller, at Organisations- og Beredskabsudvalget over for Kommunalbestyrelsen anbefaler, at',
    points: ['Haderslev Kommunes Informationssikkerhedspolitik 2026 godkendes.'],
    presentation: ['I Haderslev Kommune arbejdes der struktureret og målrettet med informationssikkerhed med afsæt i Haderslev Kommunes informationssikkerhedspolitik.'],
    council: true,
    attachments: [{ title: 'Haderslev Kommunes Informationssikkerhedspolitik 2026' }],
  },
  {
    title: "KL's Baseline 2026 for Haderslev Kommune",
    caseNumber: '26/4883',
    summary: ["Orientering om resultatet af KL's Baseline 2026 for Haderslev Kommune."],
    intro: DIR,
    points: ['orienteringen tages til efterretning.'],
    presentation: ['Haderslev Kommune er placeret som:'],
    attachments: [{ title: 'Oversigt over bevægelse i kategorierne', closed: true }],
  },
  {
    title: 'Digitaliseringsstrategi 2026 - 2028',
    caseNumber: '22/22880',
    summary: ['Godkendelse af udkast til Digitaliseringsstrategi 2026-2028 for Haderslev Kommune.'],
    intro: DIR,
    points: ['Haderslev Kommunes digitaliseringsstrategi 2026–2028 godkendes.'],
    presentation: ['Strategien fremlægges på det grundlag til udvalgets godkendelse.'],
    attachments: [{ title: 'Haderslev Kommunes Digitaliseringsstrategi 2025 -' }, { title: 'Udkast til handleplan Digitalisering & Informationssikkerhed' }],
  },
  {
    title: 'Kunstig intelligens (AI) og borgerdialog',
    caseNumber: '26/10259',
    summary: ['Drøftelse af anvendelse af kunstig intelligens i dialoger mellem borgere og kommune.'],
    intro: 'Direktøren og Arbejdsmarked og Borgerservice indstiller, at',
    points: ['Udvalget drøfter temaet.'],
    presentation: ['Der er stigende fokus på anvendelse af kunstig intelligens (AI) i dialoger mellem borgere og offentlige myndigheder.'],
  },
  {
    title: 'Budget 2027-2030 Organisations- og Beredskabsudvalget - Teknisk budget',
    caseNumber: '26/124',
    summary: ['Beslutning om godkendelse af det tekniske budget for 2027-2030.'],
    intro: DIR,
    points: ['udvalget godkender det tekniske budget.'],
    presentation: ['I bilag 2 ses oversigt over udvalgets anlægsprojekt.'],
    attachments: [{ title: 'Udvalgsbemærkninger OBU budget 2027-2030' }, { title: 'Bilag - anlæg' }],
  },
  {
    title: 'Budget 2027-2030 Organisations- og Beredskabsudvalget - Supplerende budget',
    caseNumber: '26/124',
    summary: ['Beslutning om godkendelse af det supplerende budget 2027-2030.'],
    intro: DIR,
    points: ['Udvalget godkender det supplerende budget.'],
    attachments: [{ title: 'Supplerede anlægsprojekt OBU' }, { title: 'Formandens oplæg til budgetseminar' }],
  },
  {
    title: 'Politisk mødekalender 2027',
    caseNumber: '26/9861',
    summary: ['Beslutning om at godkende udvalgets mødekalender for 2027 og fastsættelse af mødetidspunkt samt mødested.'],
    intro: DIR,
    points: ['udvalgets mødekalender for 2027 godkendes', 'mødetidspunkt og mødested fastsættes.'],
    presentation: ['Sekretariat, Udvikling og Personale har udarbejdet forslag til kalender for udvalgets møder i 2027.'],
    legal: ['Det fremgår af lov om kommunernes styrelse § 20, at Økonomiudvalget og hvert stående udvalg træffer beslutning om, når og hvor udvalgets møder skal afholdes.'],
    attachments: [{ title: 'Oversigt over forkortelser og udvalgenes mødetider' }, { title: 'Udkast til politisk mødekalender 2027' }],
  },
  { title: 'Gensidig orientering', caseNumber: '25/30730', standard: true, intro: DIR, points: ['punktet drøftes.'] },
  {
    title: 'Underskriftsside',
    caseNumber: '25/30730',
    standard: true,
    summary: ['Organisations- og Beredskabsudvalget skal godkende beslutningsprotokollen. For at godkende skal hvert udvalgsmedlem underskrive ved at trykke Godkend.'],
  },
];

/** The committee, seeded as the Api would import it: its January meeting used Punkt 1..41. */
export const SEED_DOCUMENT = {
  format: 'referent/v1',
  committees: [
    {
      name: OBU,
      shortName: 'OBU',
      numbering: 'per-year',
      defaults: { location: 'Rådhuset, Indg. A, 3. sal, lokale Nørre Vilstrup', start: '14:30' },
      template: {
        standardItems: [
          { title: 'Godkendelse af dagsorden', role: 'agenda-approval', position: 'first' },
          { title: 'Gensidig orientering', role: 'mutual-information', position: 'last' },
          { title: 'Underskriftsside', role: 'signature', position: 'last' },
        ],
      },
      members: [
        { key: 'hm', name: 'Holger Mikkelsen', role: 'chair' },
        { key: 'fl', name: 'Finn Lykkeskov', role: 'vice-chair' },
        { key: 'cdh', name: 'Carsten Dyhre Hansen', role: 'member' },
        { key: 'js', name: 'Jørgen Smed', role: 'member' },
        { key: 'sb', name: 'Svend Brandt', role: 'member' },
      ],
      meetings: [
        {
          start: '2026-01-13T14:30',
          location: 'Rådhuset, Indg. A, 3. sal, lokale Nørre Vilstrup',
          status: 'held',
          items: Array.from({ length: 41 }, (_, i) => ({ number: i + 1, title: `Sag fra januar nr. ${i + 1}`, caseNumber: `26/${100 + i}` })),
        },
      ],
    },
  ],
};
