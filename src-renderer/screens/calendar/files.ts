// Bytes in and out of the calendar screen: a chosen file as base64 for the Api, and an exported
// file handed to the browser as a download (a Blob behind a temporary link).
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function downloadBase64(file: { fileName: string; mime: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "19-02-2026 16:00" */
export const shortDateTime = (v: string): string => `${v.slice(8, 10)}-${v.slice(5, 7)}-${v.slice(0, 4)} ${v.slice(11, 16)}`;
export const shortDate = (v: string): string => `${v.slice(8, 10)}-${v.slice(5, 7)}-${v.slice(0, 4)}`;
