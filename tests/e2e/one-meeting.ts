// The smallest archive the specs of one meeting start from: Økonomiudvalget's meeting of
// 2 June 2026 with two items, as a referent/v1 document for `exchange.import`.
export const oneMeeting = {
  format: 'referent/v1',
  committees: [
    {
      name: 'Økonomiudvalget',
      numbering: 'per-meeting',
      members: [],
      meetings: [{ start: '2026-06-02T14:30', items: [{ title: 'Godkendelse af dagsorden' }, { title: 'Budgetopfølgning' }] }],
    },
  ],
};
