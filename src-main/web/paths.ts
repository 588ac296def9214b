// Addresses on a Referent server besides the Api's /api/<operation>, shared by the server and its clients.

/** Where a client asks for the whole archive as a file (Filer > Eksportér… connected to a server), with POST. */
export const EXPORT_PATH = '/export/referent.json';
