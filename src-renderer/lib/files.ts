// Bytes between the user's files and the Api, which carries them as base64: a chosen file read
// in, and a file from the core handed to the browser as a download (a Blob behind a link).

/** File bytes as base64, read by the browser itself (fast for large files). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** The browser saves the download whole and, when a file of that name exists, renames or asks. */
export function downloadBase64(file: { base64: string; fileName: string; mime: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download has to start reading the Blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
