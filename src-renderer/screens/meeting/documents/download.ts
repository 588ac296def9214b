// Hands a file from the Api (base64) to the user: a Blob download, which the browser saves
// whole and, when a file of that name exists, renames or asks rather than overwrites.
export function downloadBase64(base64: string, fileName: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download has to start reading the Blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
